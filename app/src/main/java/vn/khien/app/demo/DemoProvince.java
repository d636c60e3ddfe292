package vn.khien.app.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.khien.app.org.OrgImportResult;
import vn.khien.app.org.OrgImportService;
import vn.khien.app.org.Person;
import vn.khien.app.org.PersonService;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.KhienProperties;
import vn.khien.app.platform.PrivateFiles;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.UserService;
import vn.khien.core.org.Role;

/**
 * Loads the demo province into an empty database when {@code khien.demo.enabled} is true, or when it is
 * unset and the embedded database is in use. Demo logins' one-time passwords are printed once and written to
 * {@code ./data/demo-users.txt} (mode 600).
 */
@Component
@ConditionalOnProperty(name = "khien.cli", havingValue = "false", matchIfMissing = true)
@Order(10)
class DemoProvince implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoProvince.class);

    /** A demo login: the person (by email) it belongs to, and its roles. */
    record DemoLogin(String username, String email, Set<Role> roles) {}

    static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("dieuphoi", "dung.dv@demo.gov.vn", EnumSet.of(Role.COORDINATOR)),
            new DemoLogin("congan", null, EnumSet.of(Role.POLICE)),
            new DemoLogin("ungcuu", null, EnumSet.of(Role.RESPONDER)),
            new DemoLogin("thanhtra", null, EnumSet.of(Role.AUDITOR)),
            new DemoLogin("cntt.binhan", null, EnumSet.of(Role.IT_OFFICER)),
            new DemoLogin("truong.binhan", null, EnumSet.of(Role.UNIT_HEAD)),
            new DemoLogin("canbo.binhan", null, EnumSet.of(Role.STAFF)),
            new DemoLogin("cntt.hoaphu", null, EnumSet.of(Role.IT_OFFICER)));

    private final KhienProperties properties;
    private final OrgImportService imports;
    private final UnitService units;
    private final PersonService people;
    private final UserService users;
    private final List<DemoStep> steps;

    DemoProvince(
            KhienProperties properties,
            OrgImportService imports,
            UnitService units,
            PersonService people,
            UserService users,
            List<DemoStep> steps) {
        this.properties = properties;
        this.imports = imports;
        this.units = units;
        this.people = people;
        this.users = users;
        this.steps =
                steps.stream().sorted(Comparator.comparingInt(DemoStep::order)).toList();
    }

    boolean wanted() {
        Boolean enabled = properties.demo().enabled();
        return enabled == null ? !properties.db().external() : enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!wanted() || units.count() > 0) {
            return;
        }
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "demo-loader", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "FACTOR_COMPLETE")));
        try {
            load();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    void load() {
        OrgImportResult u = importCsv("demo/units.csv", true);
        OrgImportResult p = importCsv("demo/people.csv", false);
        u.report().rejections().forEach(r -> log.warn("demo units.csv {}", r));
        p.report().rejections().forEach(r -> log.warn("demo people.csv {}", r));
        log.info(
                "Demo province loaded through the CSV importers: units {}, people {}",
                u.report().summary(),
                p.report().summary());
        for (DemoStep step : steps) {
            long t0 = System.nanoTime();
            String summary = step.load();
            log.info("Demo {}: {} ({} ms)", step.name(), summary, (System.nanoTime() - t0) / 1_000_000);
        }
        List<String> lines = new ArrayList<>();
        for (DemoLogin login : LOGINS) {
            Person person = personFor(login);
            UserService.IssuedLogin issued = users.createInternal(
                    login.username(), person.fullName(), person.id(), person.unitId(), login.roles());
            lines.add(String.format(
                    "%-14s %-22s %-38s %s",
                    login.username(), login.roles().iterator().next(), person.unitName(), issued.oneTimePassword()));
        }
        Path file = properties.dataDir().resolve("demo-users.txt");
        PrivateFiles.write(file, lines);
        System.out.println();
        System.out.println(
                "Tỉnh Demo — tài khoản thử nghiệm / demo logins (one-time passwords, also in " + file + "):");
        lines.forEach(l -> System.out.println("  " + l));
        System.out.println();
    }

    private Person personFor(DemoLogin login) {
        if (login.email() != null) {
            return people.search(UnitScope.province(), null, login.email(), 1, 0)
                    .get(0);
        }
        String unitCode =
                switch (login.username()) {
                    case "congan", "ungcuu" -> "CA";
                    case "thanhtra" -> "S-TT";
                    case "cntt.hoaphu" -> "X-HP";
                    default -> "X-BA";
                };
        Role wanted = login.roles().iterator().next();
        long unitId = units.all(UnitScope.province()).stream()
                .filter(x -> x.code().equals(unitCode))
                .findFirst()
                .orElseThrow()
                .id();
        List<Person> inUnit = people.inUnit(UnitScope.province(), unitId);
        Role match = wanted == Role.STAFF ? null : wanted;
        return inUnit.stream()
                .filter(x -> x.active()
                        && (match == null ? x.roles().isEmpty() : x.roles().contains(match)))
                .findFirst()
                .orElse(inUnit.get(inUnit.size() - 1));
    }

    private OrgImportResult importCsv(String resource, boolean units) {
        try (Reader r =
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            return units ? imports.importUnits(UnitScope.province(), r) : imports.importPeople(UnitScope.province(), r);
        } catch (IOException e) {
            throw new UncheckedIOException("demo resource " + resource + " is missing", e);
        }
    }
}
