package vn.khien.core.inventory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.khien.core.compliance.ComplianceInput;
import vn.khien.core.compliance.Evaluation;
import vn.khien.core.compliance.RuleEvaluator;
import vn.khien.core.compliance.RuleId;
import vn.khien.core.compliance.RulePacks;
import vn.khien.core.compliance.RuleResult;
import vn.khien.core.compliance.Status;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.inventory.AvConsoleCsvImporter;
import vn.khien.core.inventory.AvConsoleProfile;
import vn.khien.core.inventory.AvCsvImport;
import vn.khien.core.inventory.EndpointFacts;
import vn.khien.core.inventory.Inventory;
import vn.khien.core.inventory.OsqueryResultImporter;

class DemoInventoryGeneratorTests {
    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    private static final List<DemoUnit> UNITS = List.of(
            new DemoUnit("STC", "Sở Khoa học và Công nghệ", "10.20.1.0/24", false),
            new DemoUnit("SYT", "Sở Y tế", "10.20.2.0/24", false),
            new DemoUnit("XA-AP", "UBND xã An Phú", "10.30.1.0/26", true),
            new DemoUnit("XA-BT", "UBND xã Bình Thạnh", "10.30.2.0/26", true),
            new DemoUnit("PH-TD", "UBND phường Thủy Dương", "10.30.3.0/26", true),
            new DemoUnit("XA-HL", "UBND xã Hương Long", "10.30.4.0/26", true));

    private record Output(DemoManifest manifest, String log, String bkav, String ksc) {}

    private static Output generate(long seed, int n) {
        StringWriter log = new StringWriter();
        StringWriter bkav = new StringWriter();
        StringWriter ksc = new StringWriter();
        DemoManifest m = new DemoInventoryGenerator(seed, NOW).generate(UNITS, n, log, bkav, ksc);
        return new Output(m, log.toString(), bkav.toString(), ksc.toString());
    }

    @Test
    void isDeterministicForASeed() {
        assertThat(generate(7, 60)).isEqualTo(generate(7, 60));
        assertThat(generate(8, 60).log()).isNotEqualTo(generate(7, 60).log());
    }

    @Test
    void itsOutputImportsWithoutRejectionsAndShowsExactlyThePlantedGaps() {
        Output out = generate(2026, 240);
        DemoManifest m = out.manifest();
        Inventory inv = new Inventory();

        ImportReport log = new OsqueryResultImporter(inv).importLog(new StringReader(out.log()));
        AvCsvImport bkav = new AvConsoleCsvImporter(inv)
                .importCsv(
                        new ByteArrayInputStream(out.bkav().getBytes(StandardCharsets.UTF_8)),
                        AvConsoleProfile.builtIn(DemoInventoryGenerator.BKAV),
                        NOW);
        AvCsvImport ksc = new AvConsoleCsvImporter(inv)
                .importCsv(
                        new StringReader(out.ksc()), AvConsoleProfile.builtIn(DemoInventoryGenerator.KASPERSKY), NOW);

        assertThat(log.rejected()).isZero();
        assertThat(log.read()).isEqualTo(m.osqueryLines());
        assertThat(bkav.report().rejected()).isZero();
        assertThat(ksc.report().rejected()).isZero();
        assertThat(bkav.unknownColumns()).isEmpty();
        assertThat(ksc.unknownColumns()).isEmpty();
        assertThat(inv.size()).isEqualTo(240);

        Map<String, String> units = new HashMap<>();
        for (DemoEndpoint d : m.endpoints()) {
            inv.classify(d.hostIdentifier(), d.zone(), d.handlesStateSecrets(), d.server());
            units.put(d.hostIdentifier(), d.unitCode());
        }
        List<EndpointFacts> endpoints = inv.endpoints();
        Map<String, String> hostnames =
                endpoints.stream().collect(Collectors.toMap(EndpointFacts::id, EndpointFacts::hostname));
        Evaluation ev = new RuleEvaluator(RulePacks.builtIn("baseline-2026"))
                .evaluate(new ComplianceInput(endpoints, units, List.of(), Map.of()), NOW);

        assertThat(failing(ev, RuleId.EDR_PRESENT, hostnames))
                .isEqualTo(m.missingEdr())
                .isNotEmpty();
        assertThat(failing(ev, RuleId.AV_CURRENT, hostnames))
                .isEqualTo(m.staleAntivirus())
                .isNotEmpty();
        assertThat(failing(ev, RuleId.PATCH_AGE, hostnames))
                .isEqualTo(m.oldPatches())
                .isNotEmpty();
        assertThat(failing(ev, RuleId.SECRET_ZONE, hostnames)).containsExactly(m.secretWithInternet());
        assertThat(failing(ev, RuleId.SECRET_USB, hostnames)).containsExactly(m.crossingSecretMachine());
        RuleResult usb = ev.failures().stream()
                .filter(r -> r.rule() == RuleId.SECRET_USB)
                .findFirst()
                .orElseThrow();
        assertThat(usb.explanation().args().get(0)).isEqualTo(m.crossingSerial());
        assertThat(usb.explanation().args().get(1)).isEqualTo(idOf(endpoints, m.crossingNetworkedMachine()));
        assertThat(failing(ev, RuleId.AV_PRESENT, hostnames)).isEmpty();
        assertThat(failing(ev, RuleId.REPORTING, hostnames)).isEmpty();
        assertThat(failing(ev, RuleId.BACKUP_AGE, hostnames)).isEmpty();
    }

    private static Set<String> failing(Evaluation ev, RuleId rule, Map<String, String> hostnames) {
        return ev.of(rule).stream()
                .filter(r -> r.status() == Status.FAIL)
                .map(r -> hostnames.get(r.subject().id()))
                .collect(Collectors.toSet());
    }

    private static String idOf(List<EndpointFacts> endpoints, String hostname) {
        return endpoints.stream()
                .filter(e -> hostname.equals(e.hostname()))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
