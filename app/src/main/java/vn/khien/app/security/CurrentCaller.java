package vn.khien.app.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;

/** Resolves the current caller and the unit scope every query must be limited to. */
@Component
public class CurrentCaller {
    private final UnitService units;

    public CurrentCaller(UnitService units) {
        this.units = units;
    }

    public Optional<KhienPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof KhienPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The caller's scope: the whole province for province-wide roles, else their unit's subtree. */
    public UnitScope scope() {
        return principal().map(this::scopeOf).orElse(UnitScope.none());
    }

    public UnitScope scopeOf(KhienPrincipal p) {
        if (p.provinceWide()) {
            return UnitScope.province();
        }
        if (p.unitId() == null) {
            return UnitScope.none();
        }
        return UnitScope.of(units.subtreeIds(p.unitId()));
    }
}
