package vn.khien.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.khien.core.ingest.Rejection;

class AvConsoleCsvImporterTests {
    private static final Instant EXPORTED = Instant.parse("2026-11-20T02:00:00Z");

    private final Inventory inventory = new Inventory();
    private final AvConsoleCsvImporter importer = new AvConsoleCsvImporter(inventory);

    @Test
    void shipsProfilesForBkavKasperskyAndDefender() {
        assertThat(AvConsoleProfile.builtIn())
                .extracting(AvConsoleProfile::id)
                .containsExactly("bkav-endpoint", "kaspersky-security-center", "microsoft-defender");
    }

    @Test
    void importsBkavExportWithVietnameseHeadersBomAndCrlf() {
        AvCsvImport r = importer.importCsv(
                Fixtures.stream("av-csv/bkav-endpoint.csv"), AvConsoleProfile.builtIn("bkav-endpoint"), EXPORTED);

        assertThat(r.unknownColumns()).containsExactly("Ghi chú");
        assertThat(r.report().read()).isEqualTo(5);
        assertThat(r.report().accepted()).isEqualTo(3);
        assertThat(r.report().rejections())
                .extracting(Rejection::line, Rejection::element)
                .containsExactly(tuple(5L, "Ngày cập nhật mẫu"), tuple(6L, "Bảo vệ thời gian thực"));
        assertThat(r.report().rejections().get(0).reason()).startsWith("wrong date '32/11/2026 06:00:00'");

        EndpointFacts pc2 = inventory.endpoint("STC-KT-PC02").orElseThrow();
        assertThat(pc2.securityProducts())
                .extracting(
                        SecurityProduct::name,
                        SecurityProduct::kind,
                        SecurityProduct::running,
                        SecurityProduct::signaturesUpToDate)
                .containsExactly(
                        tuple("Bkav Endpoint", SecurityProductKind.ANTIVIRUS, true, false),
                        tuple("Bkav EDR", SecurityProductKind.EDR, false, null));
        // 08/11/2026 07:00 in Hà Nội time
        assertThat(pc2.securityProducts().get(0).signatureDate()).isEqualTo(Instant.parse("2026-11-08T00:00:00Z"));
        assertThat(pc2.lastSeen()).isEqualTo(Instant.parse("2026-11-19T09:45:10Z"));
        assertThat(pc2.macs()).containsExactly("00:50:56:a1:b2:c4");

        EndpointFacts xa = inventory.endpoint("XA-AN-PC01").orElseThrow();
        assertThat(xa.securityProducts()).singleElement().satisfies(p -> assertThat(p.running())
                .isFalse());
    }

    @Test
    void landsConsoleRowsOnTheEndpointOsqueryEnrolled() {
        new OsqueryResultImporter(inventory).importLog(new StringReader(Fixtures.text("osquery/khien-results.jsonl")));
        importer.importCsv(
                Fixtures.stream("av-csv/bkav-endpoint.csv"), AvConsoleProfile.builtIn("bkav-endpoint"), EXPORTED);

        EndpointFacts pc =
                inventory.endpoint("4C4C4544-0042-3510-8052-B4C04F4E3732").orElseThrow();
        assertThat(pc.securityProducts())
                .extracting(p -> p.source().input())
                .contains("osquery/windows_security_products", "av-csv/bkav-endpoint");
        assertThat(inventory.endpoint("STC-KT-PC01")).isEmpty();
    }

    @Test
    void importsKasperskyTabSeparatedExport() {
        AvCsvImport r = importer.importCsv(
                Fixtures.stream("av-csv/kaspersky-security-center.csv"),
                AvConsoleProfile.builtIn("kaspersky-security-center"),
                EXPORTED);

        assertThat(r.unknownColumns()).containsExactly("Tags");
        assertThat(r.report().accepted()).isEqualTo(3);
        assertThat(r.report().rejections()).singleElement().satisfies(rej -> {
            assertThat(rej.line()).isEqualTo(5);
            assertThat(rej.element()).isEqualTo("IP address");
        });
        EndpointFacts pc1 = inventory.endpoint("SYT-VP-PC01").orElseThrow();
        assertThat(pc1.securityProducts().get(0).name()).isEqualTo("Kaspersky Endpoint Security for Windows (12.6)");
        assertThat(pc1.securityProducts().get(0).signatureDate()).isEqualTo(Instant.parse("2026-11-19T20:12:45Z"));
        assertThat(inventory.endpoint("SYT-VP-PC02").orElseThrow().securityProducts())
                .isEmpty();
        assertThat(inventory.endpoint("SYT-KH-SRV01").orElseThrow().isServer()).isTrue();
    }

    @Test
    void importsDefenderExportWithEdrAndAntivirusState() {
        AvCsvImport r = importer.importCsv(
                Fixtures.stream("av-csv/microsoft-defender.csv"),
                AvConsoleProfile.builtIn("microsoft-defender"),
                EXPORTED);

        assertThat(r.report().rejected()).isZero();
        assertThat(r.unknownColumns()).isEmpty();
        assertThat(inventory.endpoint("stc-pc-vt01.stc.local").orElseThrow().securityProducts())
                .extracting(SecurityProduct::kind, SecurityProduct::running, SecurityProduct::signaturesUpToDate)
                .containsExactlyInAnyOrder(
                        tuple(SecurityProductKind.ANTIVIRUS, null, true), tuple(SecurityProductKind.EDR, true, null));
        assertThat(inventory.endpoint("stc-pc-vt03.stc.local").orElseThrow().securityProducts())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(SecurityProductKind.ANTIVIRUS);
                    assertThat(p.isActive()).isFalse();
                });
        assertThat(inventory.endpoint("stc-pc-vt01.stc.local").orElseThrow().lastSeen())
                .isEqualTo(Instant.parse("2026-11-20T01:02:03.456Z"));
    }

    @Test
    void reimportingTheSameExportChangesNothing() {
        AvConsoleProfile p = AvConsoleProfile.builtIn("bkav-endpoint");
        importer.importCsv(Fixtures.stream("av-csv/bkav-endpoint.csv"), p, EXPORTED);
        var first = inventory.endpoints();
        importer.importCsv(Fixtures.stream("av-csv/bkav-endpoint.csv"), p, EXPORTED);

        assertThat(inventory.endpoints()).isEqualTo(first);
    }

    @Test
    void countsIdenticalRowsAsDuplicatesAndRejectsAFileWithoutHostColumn() {
        AvConsoleProfile p = AvConsoleProfile.builtIn("microsoft-defender");
        String row = "x1,pc-1,,,2026-11-20T01:02:03Z,,,,Active,Onboarded,Updated,,,,,\n";
        AvCsvImport dup = importer.importCsv(
                new StringReader(Fixtures.text("av-csv/microsoft-defender.csv")
                                .lines()
                                .findFirst()
                                .orElseThrow() + "\n" + row + row),
                p,
                EXPORTED);
        assertThat(dup.report().duplicates()).isEqualTo(1);
        assertThat(dup.report().accepted()).isEqualTo(1);

        AvCsvImport noHost = importer.importCsv(new StringReader("Foo,Bar\n1,2\n"), p, EXPORTED);
        assertThat(noHost.report().rejections()).singleElement().satisfies(rej -> assertThat(rej.line())
                .isEqualTo(1));
        assertThat(noHost.unknownColumns()).containsExactly("Foo", "Bar");
    }

    @Test
    void readsUtf16ExportsByTheirByteOrderMark() {
        String text = "Device,IP address,Real-time protection\r\nPC-UTF16,10.1.1.1,Running\r\n";
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        AvCsvImport r = importer.importCsv(
                new ByteArrayInputStream(utf16), AvConsoleProfile.builtIn("kaspersky-security-center"), EXPORTED);

        assertThat(r.report().accepted()).isEqualTo(1);
        assertThat(inventory.endpoint("PC-UTF16")).isPresent();
    }

    @Test
    void refusesAProfileMappingToAnUnknownField() {
        String json = "{\"id\":\"x\",\"product\":\"X\",\"columns\":{\"Host\":\"hostname\",\"Y\":\"av.colour\"}}";
        assertThatThrownBy(
                        () -> AvConsoleProfile.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .hasMessage("profile x: columns.Y: unknown field 'av.colour'");
    }
}
