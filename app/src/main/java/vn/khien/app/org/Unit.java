package vn.khien.app.org;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.khien.core.org.UnitKind;

/**
 * A unit (cơ quan, đơn vị) as it stands today.
 *
 * @param id database id
 * @param code stable code (mã đơn vị)
 * @param name Vietnamese name
 * @param kind kind of unit
 * @param parentId parent unit, or {@code null} for the province
 * @param validFrom since when the current name, kind and parent hold
 * @param children number of current sub-units
 */
public record Unit(
        long id,
        String code,
        String name,
        UnitKind kind,
        @Nullable Long parentId,
        LocalDate validFrom,
        int children) {}
