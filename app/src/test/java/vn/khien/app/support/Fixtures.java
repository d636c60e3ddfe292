package vn.khien.app.support;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.khien.app.demo.DemoStep;
import vn.khien.app.org.OrgImportResult;
import vn.khien.app.org.OrgImportService;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.ApiKeyService;
import vn.khien.app.security.UserService;
import vn.khien.core.org.Role;

/** Builds test data through the application's own services, as an administrator would. */
@Component
public class Fixtures {
    private final OrgImportService imports;
    private final UnitService units;
    private final UserService users;
    private final ApiKeyService keys;
    private final List<DemoStep> demoSteps;

    public Fixtures(
            OrgImportService imports,
            UnitService units,
            UserService users,
            ApiKeyService keys,
            List<DemoStep> demoSteps) {
        this.imports = imports;
        this.units = units;
        this.users = users;
        this.keys = keys;
        this.demoSteps = demoSteps.stream()
                .sorted(Comparator.comparingInt(DemoStep::order))
                .toList();
    }

    /** The whole demo province: units and people, then every feature's demo step, as at first start. */
    public void demoProvinceWithFeatures() {
        demoProvince();
        asAdmin(() -> {
            demoSteps.forEach(DemoStep::load);
            return null;
        });
    }

    public static <T> T asAdmin(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "test-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "FACTOR_COMPLETE")));
        SecurityContextHolder.setContext(ctx);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The demo province's units and people, through the CSV importers. */
    public void demoProvince() {
        asAdmin(() -> {
            importCsv("demo/units.csv", true);
            return importCsv("demo/people.csv", false);
        });
    }

    private OrgImportResult importCsv(String resource, boolean unitsFile) {
        try (Reader r =
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            return unitsFile
                    ? imports.importUnits(UnitScope.province(), r)
                    : imports.importPeople(UnitScope.province(), r);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Unit unit(String code) {
        return units.all(UnitScope.province()).stream()
                .filter(u -> u.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unit " + code));
    }

    /** A new API key with {@code role} scoped to unit {@code code}. */
    public String apiKey(String code, Role role) {
        return asAdmin(() -> keys.create(
                        UnitScope.province(), "test " + code, unit(code).id(), role)
                .key());
    }

    /** A new login; returns its one-time password. */
    public String login(String username, String unitCode, Set<Role> roles) {
        Long unitId = unitCode == null ? null : unit(unitCode).id();
        return users.createInternal(username, username, null, unitId, roles.isEmpty() ? EnumSet.of(Role.STAFF) : roles)
                .oneTimePassword();
    }
}
