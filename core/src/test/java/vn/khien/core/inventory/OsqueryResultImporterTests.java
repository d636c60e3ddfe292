package vn.khien.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.ingest.Rejection;

class OsqueryResultImporterTests {
    private static final String PC01 = "4C4C4544-0042-3510-8052-B4C04F4E3732";
    private static final Instant T1 = Instant.parse("2026-11-20T01:00:00Z");

    private final Inventory inventory = new Inventory();
    private final OsqueryResultImporter importer = new OsqueryResultImporter(inventory);

    private ImportReport importFixture() {
        return importer.importLog(new StringReader(Fixtures.text("osquery/khien-results.jsonl")));
    }

    @Test
    void importsKhienPackLinesAndRejectsBadOnesWithLineNumbers() {
        ImportReport report = importFixture();

        assertThat(report.read()).isEqualTo(17);
        assertThat(report.accepted()).isEqualTo(13);
        assertThat(report.rejected()).isEqualTo(4);
        assertThat(report.rejections())
                .extracting(Rejection::line, Rejection::element)
                .containsExactly(
                        tuple(15L, ""),
                        tuple(16L, "name"),
                        tuple(17L, "snapshot/0/installed_on"),
                        tuple(18L, "calendarTime"));
        assertThat(report.rejections().get(0).reason()).startsWith("malformed JSON");
        assertThat(report.rejections().get(1).reason()).isEqualTo("unknown query 'processes'");
        assertThat(report.rejections().get(2).reason()).isEqualTo("wrong date '13/31/2026'");
    }

    @Test
    void mapsEachQueryToItsFacts() {
        importFixture();
        EndpointFacts pc = inventory.endpoint(PC01).orElseThrow();

        assertThat(pc.hostname()).isEqualTo("STC-KT-PC01");
        assertThat(pc.identity().uuid()).isEqualTo(PC01);
        assertThat(pc.os().name()).isEqualTo("Microsoft Windows 11 Pro");
        assertThat(pc.os().build()).isEqualTo("22631");
        assertThat(pc.os().source()).isEqualTo(new FactSource("osquery/os_version", T1));
        assertThat(pc.software())
                .extracting(InstalledSoftware::name)
                .containsExactly("Bkav Endpoint", "Unikey 4.3 RC5");
        assertThat(pc.software().get(0).installedOn()).isEqualTo(LocalDate.of(2025, 3, 12));
        assertThat(pc.patches())
                .extracting(OsPatch::id, OsPatch::installedOn)
                .containsExactly(
                        tuple("KB5046633", LocalDate.of(2026, 11, 13)), tuple("KB5044284", LocalDate.of(2026, 10, 9)));
        assertThat(pc.securityProducts())
                .extracting(
                        SecurityProduct::name,
                        SecurityProduct::kind,
                        SecurityProduct::running,
                        SecurityProduct::signaturesUpToDate)
                .containsExactly(
                        tuple("Bkav Endpoint", SecurityProductKind.ANTIVIRUS, true, true),
                        tuple("Windows Firewall", SecurityProductKind.FIREWALL, true, null));
        // the instance id Windows makes up for a device without a serial is not a serial
        assertThat(pc.storageDevices())
                .extracting(
                        RemovableStorageDevice::vendor, RemovableStorageDevice::model, RemovableStorageDevice::serial)
                .containsExactly(tuple("SanDisk", "Cruzer Blade", "4C530001230509112405"));
        assertThat(pc.ips()).containsExactly("10.20.1.15", "fe80::1c2d:3e4f:5a6b:7c8d");
        assertThat(pc.macs()).containsExactly("00:50:56:a1:b2:c3");
        assertThat(pc.connectivity()).singleElement().satisfies(c -> assertThat(c.reachable())
                .isFalse());
        assertThat(pc.firstSeen()).isEqualTo(T1);
        assertThat(pc.lastSeen()).isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));
    }

    @Test
    void appliesBatchDiffAndCalendarTimeWithoutUtcSuffix() {
        importFixture();
        EndpointFacts srv = inventory.endpoint("srv-mail-01").orElseThrow();

        assertThat(srv.software()).extracting(InstalledSoftware::name).containsExactly("vim");
        assertThat(srv.software().get(0).source().observedAt()).isEqualTo(T1);
        assertThat(srv.backup().lastSuccess()).isEqualTo(Instant.parse("2026-11-19T17:05:12.1234567Z"));
    }

    @Test
    void reapplyingTheSameLogGivesTheSameState() {
        importFixture();
        var first = inventory.endpoints();
        ImportReport again = importFixture();

        assertThat(again.accepted()).isEqualTo(13);
        assertThat(inventory.endpoints()).isEqualTo(first);
    }

    @Test
    void snapshotReplacesOnlyItsOwnQueryAndRemovedRowsRemoveFacts() {
        importFixture();
        String later = "{\"name\":\"pack_khien_patches\",\"hostIdentifier\":\"" + PC01
                + "\",\"unixTime\":1795140000,\"action\":\"snapshot\",\"snapshot\":[{\"hotfix_id\":\"KB5048667\","
                + "\"installed_on\":\"11/19/2026\"}]}\n"
                + "{\"name\":\"pack_khien_programs\",\"hostIdentifier\":\"" + PC01
                + "\",\"unixTime\":1795140000,\"action\":\"removed\",\"columns\":{\"name\":\"Unikey 4.3 RC5\",\"version\":\"4.3\"}}\n";
        ImportReport r = importer.importLog(new StringReader(later));

        assertThat(r.accepted()).isEqualTo(2);
        EndpointFacts pc = inventory.endpoint(PC01).orElseThrow();
        assertThat(pc.patches()).extracting(OsPatch::id).containsExactly("KB5048667");
        assertThat(pc.software()).extracting(InstalledSoftware::name).containsExactly("Bkav Endpoint");
        assertThat(pc.securityProducts()).hasSize(2);
    }

    @Test
    void storageDevicesAreHistoryAndSurviveALaterEmptySnapshot() {
        importFixture();
        String later = "{\"name\":\"pack_khien_usbstor\",\"hostIdentifier\":\"" + PC01
                + "\",\"unixTime\":1795140000,\"action\":\"snapshot\",\"snapshot\":[]}\n";
        importer.importLog(new StringReader(later));

        RemovableStorageDevice d =
                inventory.endpoint(PC01).orElseThrow().storageDevices().get(0);
        assertThat(d.serial()).isEqualTo("4C530001230509112405");
        assertThat(d.firstSeen()).isEqualTo(T1);
    }

    @Test
    void importsTheOsqueryDocumentationSamplesStructurallyButRejectsTheirForeignQueries() {
        for (String sample : new String[] {"results-snapshot.jsonl", "results-event.jsonl", "results-batch.jsonl"}) {
            ImportReport r = importer.importLog(new StringReader(Fixtures.text("osquery/" + sample)));
            assertThat(r.read()).as(sample).isPositive();
            assertThat(r.accepted()).as(sample).isZero();
            assertThat(r.rejections()).as(sample).allSatisfy(rej -> {
                assertThat(rej.element()).isEqualTo("name");
                assertThat(rej.reason()).startsWith("unknown query 'process");
            });
        }
        assertThat(inventory.size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[1,2,3]",
                "{\"name\":\"pack_khien_programs\",\"unixTime\":1795140000,\"action\":\"added\",\"columns\":{\"name\":\"x\"}}",
                "{\"name\":\"pack_khien_programs\",\"hostIdentifier\":\"h\",\"unixTime\":\"-5\",\"action\":\"added\",\"columns\":{\"name\":\"x\"}}",
                "{\"name\":\"pack_khien_programs\",\"hostIdentifier\":\"h\",\"unixTime\":1795140000,\"action\":\"added\"}",
                "{\"name\":\"pack_khien_programs\",\"hostIdentifier\":\"h\",\"unixTime\":1795140000,\"action\":\"added\",\"columns\":{\"version\":\"1\"}}",
                "{\"name\":\"pack_khien_windows_security_products\",\"hostIdentifier\":\"h\",\"unixTime\":1795140000,\"action\":\"snapshot\",\"snapshot\":[{\"type\":\"Toaster\",\"name\":\"x\"}]}",
                "{\"name\":\"pack_khien_interface_addresses\",\"hostIdentifier\":\"h\",\"unixTime\":1795140000,\"action\":\"snapshot\",\"snapshot\":[{\"address\":\"10.0.0.999\"}]}",
                "{\"name\":\"pack_khien_backup_status\",\"hostIdentifier\":\"h\",\"unixTime\":1795140000,\"action\":\"snapshot\",\"snapshot\":[{\"last_success\":\"yesterday\"}]}",
                "{\"name\":\"pack_khien_programs\",\"hostIdentifier\":\"h\",\"unixTime\":1795140000,\"action\":\"frobbed\",\"columns\":{\"name\":\"x\"}}",
                "{\"name\":\"pack_khien_programs\",\"hostIdentifier\":\"h\",\"unixTime\":1795140000,\"action\":\"added\",\"columns\":{\"name\":\"x\"}} trailing"
            })
    void rejectsABrokenEntryAndKeepsTheInventoryUnchanged(String line) {
        ImportReport r = importer.importLog(new StringReader(line + "\n"));

        assertThat(r.read()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.rejections().get(0).line()).isEqualTo(1);
        assertThat(inventory.size()).isZero();
    }

    @Test
    void rejectsAnOverlongLineWithoutReadingItIntoMemoryAndContinues() {
        String big = "{\"x\":\"" + "a".repeat(OsqueryResultImporter.MAX_LINE_CHARS + 10) + "\"}";
        String ok = "{\"name\":\"pack_khien_connectivity\",\"hostIdentifier\":\"h\",\"unixTime\":1795140000,"
                + "\"action\":\"snapshot\",\"snapshot\":[{\"ipv4_internet\":\"1\",\"ipv6_internet\":\"0\"}]}";
        ImportReport r = importer.importLog(new StringReader(big + "\r\n" + ok + "\r\n"));

        assertThat(r.rejections()).extracting(Rejection::line).containsExactly(1L);
        assertThat(r.accepted()).isEqualTo(1);
        assertThat(inventory.endpoint("h").orElseThrow().connectivity().get(0).reachable())
                .isTrue();
    }
}
