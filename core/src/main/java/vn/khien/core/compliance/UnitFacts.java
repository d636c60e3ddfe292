package vn.khien.core.compliance;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.khien.core.inventory.FactSource;

/**
 * What the IT-OFFICER rule needs to know about a unit.
 *
 * @param unitId the unit's id
 * @param itOfficer name of the designated, active IT officer (cán bộ phụ trách CNTT), or null when there is none
 * @param source where the designation was recorded, or null
 */
public record UnitFacts(
        String unitId, @Nullable String itOfficer, @Nullable FactSource source) {
    public UnitFacts {
        Objects.requireNonNull(unitId, "unitId");
        if (unitId.isBlank()) {
            throw new IllegalArgumentException("unit id must not be blank");
        }
    }
}
