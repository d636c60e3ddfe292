package vn.khien.app.org;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.khien.core.org.UnitKind;

/**
 * One period of a unit's history: its name, kind and parent from {@code validFrom} until {@code validTo}
 * (exclusive; {@code null} for the present), and the change that opened the period.
 */
public record UnitVersion(
        String name,
        UnitKind kind,
        @Nullable Long parentId,
        @Nullable String parentName,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        String change) {}
