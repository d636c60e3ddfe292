package vn.khien.app.platform;

import java.util.Set;

/**
 * The set of units a caller may see: the whole province, or the subtree of their own unit. Every
 * repository read and write takes one, so scoping is decided in the data layer and never in templates.
 *
 * @param all whether every unit is visible (province roles)
 * @param unitIds the visible unit ids when {@code all} is false
 */
public record UnitScope(boolean all, Set<Long> unitIds) {
    private static final UnitScope ALL = new UnitScope(true, Set.of());
    private static final UnitScope NONE = new UnitScope(false, Set.of());

    public UnitScope {
        unitIds = Set.copyOf(unitIds);
    }

    /** The whole province: for coordinators, police, responders, auditors and administrators. */
    public static UnitScope province() {
        return ALL;
    }

    public static UnitScope none() {
        return NONE;
    }

    public static UnitScope of(Set<Long> unitIds) {
        return new UnitScope(false, unitIds);
    }

    public boolean allows(long unitId) {
        return all || unitIds.contains(unitId);
    }

    /** The ids as an array for {@code unit_id = any(?)}, or {@code null} meaning "no restriction". */
    public Long[] sqlIdsOrNull() {
        return all ? null : unitIds.toArray(Long[]::new);
    }
}
