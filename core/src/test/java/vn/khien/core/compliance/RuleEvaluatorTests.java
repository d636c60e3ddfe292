package vn.khien.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khien.core.compliance.Endpoints.NOW;
import static vn.khien.core.compliance.Endpoints.SRC;
import static vn.khien.core.compliance.Endpoints.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.khien.core.inventory.BackupStatus;
import vn.khien.core.inventory.EndpointFacts;
import vn.khien.core.inventory.FactSource;
import vn.khien.core.inventory.InstalledSoftware;
import vn.khien.core.inventory.InternetConnectivity;
import vn.khien.core.inventory.OsInfo;
import vn.khien.core.inventory.OsPatch;
import vn.khien.core.inventory.SecurityProduct;
import vn.khien.core.inventory.SecurityProductKind;
import vn.khien.core.inventory.Zone;

class RuleEvaluatorTests {
    private final RuleEvaluator evaluator = new RuleEvaluator(RulePacks.builtIn("baseline-2026"));

    private RuleResult result(RuleId rule, EndpointFacts e) {
        return result(rule, e, Map.of());
    }

    private RuleResult result(RuleId rule, EndpointFacts e, Map<String, FactSource> sightings) {
        Evaluation ev =
                evaluator.evaluate(new ComplianceInput(List.of(e), Map.of(e.id(), "U1"), List.of(), sightings), NOW);
        return ev.result(rule, e.id()).orElseThrow();
    }

    @Test
    void aCompliantWorkstationPassesEveryEndpointRule() {
        EndpointFacts e = endpoint("pc").build();
        Evaluation ev =
                evaluator.evaluate(new ComplianceInput(List.of(e), Map.of("pc", "U1"), List.of(), Map.of()), NOW);

        assertThat(ev.packId()).isEqualTo("baseline-2026");
        assertThat(ev.results()).hasSize(9).allSatisfy(r -> {
            assertThat(r.status()).as(r.rule().code()).isIn(Status.PASS, Status.NOT_APPLICABLE);
            assertThat(r.unit()).isEqualTo("U1");
        });
        assertThat(ev.result(RuleId.SECRET_ZONE, "pc").orElseThrow().status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(ev.result(RuleId.BACKUP_AGE, "pc").orElseThrow().status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void avPresentFailsWithoutAntivirusOrWithItStopped() {
        Endpoints none = endpoint("pc");
        none.products.clear();
        RuleResult missing = result(RuleId.AV_PRESENT, none.build());
        assertThat(missing.status()).isEqualTo(Status.FAIL);
        assertThat(missing.explanation().key()).isEqualTo("compliance.AV-PRESENT.fail.missing");
        assertThat(missing.explanation().vi()).isEqualTo("Không có phần mềm phòng chống mã độc");

        Endpoints stopped = endpoint("pc");
        stopped.products.set(
                0,
                new SecurityProduct(
                        "Bkav Endpoint", SecurityProductKind.ANTIVIRUS, null, false, true, null, null, SRC));
        RuleResult off = result(RuleId.AV_PRESENT, stopped.build());
        assertThat(off.status()).isEqualTo(Status.FAIL);
        assertThat(off.evidence().get(0).source()).isEqualTo(SRC);

        Endpoints installedOnly = endpoint("pc");
        installedOnly.products.clear();
        installedOnly.software.add(
                new InstalledSoftware("Kaspersky Endpoint Security for Windows", "12.6", null, null, SRC));
        assertThat(result(RuleId.AV_PRESENT, installedOnly.build()).status()).isEqualTo(Status.PASS);
    }

    @ParameterizedTest
    @CsvSource({"72, PASS", "73, FAIL"})
    void avCurrentAllowsSignaturesExactlyThreeDaysOld(long hoursOld, Status expected) {
        Endpoints e = endpoint("pc");
        e.products.set(0, Endpoints.av(NOW.minus(Duration.ofHours(hoursOld))));
        assertThat(result(RuleId.AV_CURRENT, e.build()).status()).isEqualTo(expected);
    }

    @Test
    void avCurrentUsesTheProductsOwnUpToDateFlagWhenNoDateIsKnown() {
        Endpoints flagged = endpoint("pc");
        flagged.products.set(
                0,
                new SecurityProduct("Bkav Endpoint", SecurityProductKind.ANTIVIRUS, null, true, true, null, true, SRC));
        assertThat(result(RuleId.AV_CURRENT, flagged.build()).status()).isEqualTo(Status.PASS);

        Endpoints outdated = endpoint("pc");
        outdated.products.set(
                0,
                new SecurityProduct(
                        "Bkav Endpoint", SecurityProductKind.ANTIVIRUS, null, true, true, null, false, SRC));
        RuleResult r = result(RuleId.AV_CURRENT, outdated.build());
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.explanation().key()).isEqualTo("compliance.AV-CURRENT.fail.outdated");
    }

    @Test
    void edrPresentAppliesOnlyToCpnetMachines() {
        Endpoints cpnet = endpoint("pc");
        cpnet.products.remove(1);
        assertThat(result(RuleId.EDR_PRESENT, cpnet.build()).status()).isEqualTo(Status.FAIL);

        cpnet.software.add(new InstalledSoftware("Bkav EDR Agent", "2.1", null, null, SRC));
        assertThat(result(RuleId.EDR_PRESENT, cpnet.build()).status()).isEqualTo(Status.PASS);

        Endpoints internet = endpoint("pc");
        internet.products.remove(1);
        internet.zone = Zone.INTERNET;
        assertThat(result(RuleId.EDR_PRESENT, internet.build()).status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @ParameterizedTest
    @CsvSource({"2026-10-16, PASS", "2026-10-15, FAIL"})
    void patchAgeAllowsThirtyFiveDays(LocalDate newest, Status expected) {
        Endpoints e = endpoint("pc");
        e.patches.clear();
        e.patches.add(new OsPatch("KB1", newest, null, SRC));
        e.patches.add(new OsPatch("KB0", newest.minusDays(40), null, SRC));
        // NOW is 2026-11-20 10:00 in Hà Nội
        assertThat(result(RuleId.PATCH_AGE, e.build()).status()).isEqualTo(expected);
    }

    @Test
    void patchAgeFailsAWindowsMachineWithoutUpdatesAndSkipsLinux() {
        Endpoints win = endpoint("pc");
        win.patches.clear();
        assertThat(result(RuleId.PATCH_AGE, win.build()).status()).isEqualTo(Status.FAIL);

        Endpoints linux = endpoint("srv");
        linux.patches.clear();
        linux.os = new OsInfo("Ubuntu", "22.04.4 LTS (Jammy Jellyfish)", null, "ubuntu", SRC);
        assertThat(result(RuleId.PATCH_AGE, linux.build()).status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void osSupportedFailsWindows10AfterItsEndOfSupport() {
        Endpoints e = endpoint("pc");
        e.os = new OsInfo("Microsoft Windows 10 Pro", "10.0.19045", "19045", "windows", SRC);
        RuleResult r = result(RuleId.OS_SUPPORTED, e.build());
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.explanation().en())
                .isEqualTo("Microsoft Windows 10 Pro 10.0.19045 reached end of support on 2025-10-14");

        RuleEvaluator beforeEnd = new RuleEvaluator(RulePacks.builtIn("baseline-2026"));
        Evaluation ev = beforeEnd.evaluate(
                new ComplianceInput(List.of(e.build()), Map.of(), List.of(), Map.of()),
                Instant.parse("2025-10-14T10:00:00Z"));
        assertThat(ev.result(RuleId.OS_SUPPORTED, "pc").orElseThrow().status()).isEqualTo(Status.PASS);
    }

    @Test
    void secretZoneFailsASecretMachineThatReportsInternetConnectivity() {
        Endpoints e = endpoint("mat-01");
        e.secrets = true;
        e.zone = Zone.ISOLATED_LAN;
        assertThat(result(RuleId.SECRET_ZONE, e.build()).status()).isEqualTo(Status.PASS);

        FactSource seen = new FactSource("osquery/connectivity", NOW.minusSeconds(3600));
        e.connectivity.add(new InternetConnectivity(true, "connectivity ipv4_internet=true ipv6_internet=false", seen));
        RuleResult r = result(RuleId.SECRET_ZONE, e.build());
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence()).singleElement().satisfies(ev -> {
            assertThat(ev.fact()).isEqualTo("internetConnectivity");
            assertThat(ev.source()).isEqualTo(seen);
        });
    }

    @Test
    void secretZoneFailsOnZoneAndOnNetworkLogSightings() {
        Endpoints cpnet = endpoint("mat-02");
        cpnet.secrets = true;
        assertThat(result(RuleId.SECRET_ZONE, cpnet.build()).evidence())
                .extracting(Evidence::fact)
                .containsExactly("zone");

        Endpoints isolated = endpoint("mat-03");
        isolated.secrets = true;
        isolated.zone = Zone.NONE;
        FactSource dns = new FactSource("dns/bind", NOW.minusSeconds(60));
        RuleResult r = result(RuleId.SECRET_ZONE, isolated.build(), Map.of("mat-03", dns));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence()).extracting(Evidence::source).containsExactly(dns);
    }

    @Test
    void secretUsbFlagsExactlyTheSerialsSeenOnASecretMachineAndANetworkedOne() {
        Endpoints secret =
                endpoint("mat-01").usb("AAA111").usb("BBB222").usb("CCC333").usb("DDD444");
        secret.secrets = true;
        secret.zone = Zone.ISOLATED_LAN;
        Endpoints otherSecret = endpoint("mat-02").usb("DDD444");
        otherSecret.secrets = true;
        otherSecret.zone = Zone.ISOLATED_LAN;
        Endpoints cpnet = endpoint("pc-cpnet").usb("AAA111").usb("EEE555");
        Endpoints internet = endpoint("pc-inet").usb("bbb222");
        internet.zone = Zone.INTERNET;
        Endpoints isolated = endpoint("pc-lan").usb("CCC333");
        isolated.zone = Zone.ISOLATED_LAN;
        Endpoints unclassified = endpoint("pc-new").usb("CCC333");
        unclassified.zone = null;

        List<EndpointFacts> all = List.of(
                secret.build(),
                otherSecret.build(),
                cpnet.build(),
                internet.build(),
                isolated.build(),
                unclassified.build());
        Evaluation ev = evaluator.evaluate(new ComplianceInput(all, Map.of(), List.of(), Map.of()), NOW);

        RuleResult r = ev.result(RuleId.SECRET_USB, "mat-01").orElseThrow();
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.explanation().args()).containsExactly("AAA111, BBB222", "pc-cpnet, pc-inet");
        assertThat(r.evidence())
                .extracting(Evidence::observed)
                .anySatisfy(o -> assertThat(o).startsWith("AAA111 on pc-cpnet (CPNET)"))
                .anySatisfy(o -> assertThat(o).startsWith("BBB222 on pc-inet (INTERNET)"))
                .noneSatisfy(o -> assertThat(o).contains("CCC333"))
                .noneSatisfy(o -> assertThat(o).contains("DDD444"));
        assertThat(ev.result(RuleId.SECRET_USB, "mat-02").orElseThrow().status())
                .isEqualTo(Status.PASS);
        assertThat(ev.result(RuleId.SECRET_USB, "pc-cpnet").orElseThrow().status())
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @ParameterizedTest
    @CsvSource({"168, PASS", "169, FAIL"})
    void backupAgeAllowsSevenDaysOnServersOnly(long hoursOld, Status expected) {
        Endpoints srv = endpoint("srv");
        srv.os = new OsInfo("Microsoft Windows Server 2019 Standard", "10.0.17763", "17763", "windows", SRC);
        srv.backup = new BackupStatus(NOW.minus(Duration.ofHours(hoursOld)), SRC);
        assertThat(result(RuleId.BACKUP_AGE, srv.build()).status()).isEqualTo(expected);

        Endpoints marked = endpoint("nas");
        marked.server = true;
        assertThat(result(RuleId.BACKUP_AGE, marked.build()).status()).isEqualTo(Status.FAIL);
    }

    @ParameterizedTest
    @CsvSource({"168, PASS", "169, FAIL"})
    void reportingAllowsSevenDaysOfSilence(long hoursSilent, Status expected) {
        Endpoints e = endpoint("pc");
        e.lastSeen = NOW.minus(Duration.ofHours(hoursSilent));
        assertThat(result(RuleId.REPORTING, e.build()).status()).isEqualTo(expected);

        e.lastSeen = null;
        assertThat(result(RuleId.REPORTING, e.build()).explanation().key())
                .isEqualTo("compliance.REPORTING.fail.never");
    }

    @Test
    void itOfficerIsEvaluatedPerUnit() {
        Evaluation ev = evaluator.evaluate(
                new ComplianceInput(
                        List.of(),
                        Map.of(),
                        List.of(new UnitFacts("XA-AN", null, null), new UnitFacts("STC", "Nguyễn Văn An", SRC)),
                        Map.of()),
                NOW);

        assertThat(ev.results())
                .extracting(r -> r.subject().id(), RuleResult::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("XA-AN", Status.FAIL),
                        org.assertj.core.groups.Tuple.tuple("STC", Status.PASS));
        assertThat(ev.results().get(0).subject().kind()).isEqualTo(Subject.Kind.UNIT);
    }

    @Test
    void parallelEvaluationGivesTheSameResultsInTheSameOrder() {
        List<EndpointFacts> many = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Endpoints e = endpoint("pc-" + i);
            if (i % 7 == 0) {
                e.products.clear();
            }
            if (i % 11 == 0) {
                e.zone = Zone.INTERNET;
            }
            many.add(e.build());
        }
        ComplianceInput in = new ComplianceInput(many, Map.of(), List.of(), Map.of());
        assertThat(evaluator.evaluateInParallel(in, NOW)).isEqualTo(evaluator.evaluate(in, NOW));
    }
}
