package vn.khien.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.khien.core.ingest.Rejection;

class EndpointReportsTests {
    private static final Instant RECEIVED = Instant.parse("2026-11-20T01:05:00Z");

    static final String REPORT = """
            {
              "schemaVersion": 1,
              "collectedAt": "2026-11-20T08:00:00+07:00",
              "agent": "khien-report.ps1/1.0",
              "host": {"hostname": "UBND-XA-PC05", "uuid": "0E9B7B2C-5D1A-4C44-9F1B-8C1D2E3F4A5B"},
              "os": {"name": "Microsoft Windows 10 Pro", "version": "10.0.19045", "build": "19045", "platform": "windows"},
              "interfaces": [{"name": "Ethernet", "ip": "10.30.5.40", "mac": "00-1A-2B-3C-4D-5E"}],
              "software": [{"name": "Bkav Endpoint", "version": "5.2.1.32", "publisher": "Bkav", "installedOn": "2025-01-02"}],
              "securityProducts": [{"name": "Bkav Endpoint", "kind": "antivirus", "running": true, "enabled": true,
                                    "signatureDate": "2026-11-19T22:00:00+07:00", "signaturesUpToDate": true}],
              "patches": [{"id": "KB5046613", "installedOn": "2026-11-13", "description": "Security Update"}],
              "usbDevices": [{"vendor": "Kingston", "model": "DataTraveler 3.0", "serial": "60a44c4138b2f0c1"}],
              "backup": {"lastSuccess": "2026-11-19T23:00:00+07:00"},
              "internet": {"reachable": true, "target": "www.msftconnecttest.com:80"}
            }
            """;

    @Test
    void parsesAndAppliesAFullReport() {
        EndpointReport r = EndpointReports.parse(REPORT.getBytes(StandardCharsets.UTF_8), RECEIVED);
        Inventory inv = new Inventory();
        String id = EndpointReports.apply(r, inv);

        EndpointFacts e = inv.endpoint(id).orElseThrow();
        assertThat(id).isEqualTo("0E9B7B2C-5D1A-4C44-9F1B-8C1D2E3F4A5B");
        assertThat(e.hostname()).isEqualTo("UBND-XA-PC05");
        assertThat(e.os().name()).isEqualTo("Microsoft Windows 10 Pro");
        assertThat(e.macs()).containsExactly("00:1a:2b:3c:4d:5e");
        assertThat(e.patches().get(0).installedOn()).isEqualTo(LocalDate.of(2026, 11, 13));
        assertThat(e.securityProducts().get(0).signatureDate()).isEqualTo(Instant.parse("2026-11-19T15:00:00Z"));
        assertThat(e.storageDevices().get(0).serial()).isEqualTo("60A44C4138B2F0C1");
        assertThat(e.connectivity().get(0).reachable()).isTrue();
        assertThat(e.lastSeen()).isEqualTo(Instant.parse("2026-11-20T01:00:00Z"));
        assertThat(e.software().get(0).source())
                .isEqualTo(new FactSource("report", Instant.parse("2026-11-20T01:00:00Z")));
    }

    @Test
    void aNewerReportReplacesTheOlderOne() {
        Inventory inv = new Inventory();
        EndpointReports.apply(EndpointReports.parse(REPORT.getBytes(StandardCharsets.UTF_8), RECEIVED), inv);
        String newer = REPORT.replace("2026-11-20T08:00:00+07:00", "2026-11-20T09:00:00+07:00")
                .replace("\"id\": \"KB5046613\"", "\"id\": \"KB5048667\"");
        String id = EndpointReports.apply(
                EndpointReports.parse(newer.getBytes(StandardCharsets.UTF_8), RECEIVED.plusSeconds(3600)), inv);

        assertThat(inv.endpoint(id).orElseThrow().patches())
                .extracting(OsPatch::id)
                .containsExactly("KB5048667");
    }

    @Test
    void listsEveryProblemWithItsJsonPointer() {
        String bad = """
                {"schemaVersion": 2, "collectedAt": "2026-11-20T08:00:00+07:00",
                 "host": {"hostname": "PC"},
                 "software": [{"version": "1"}, {"name": "ok", "installedOn": "20/11/2026"}],
                 "securityProducts": [{"name": "X", "kind": "toaster", "running": "yes"}],
                 "patches": "KB1"}
                """;
        assertThatThrownBy(() -> EndpointReports.parse(bad.getBytes(StandardCharsets.UTF_8), RECEIVED))
                .isInstanceOfSatisfying(EndpointReportException.class, e -> assertThat(e.problems())
                        .extracting(Rejection::element)
                        .containsExactly(
                                "/schemaVersion",
                                "/software/0/name",
                                "/software/1/installedOn",
                                "/securityProducts/0/kind",
                                "/securityProducts/0/running",
                                "/patches"));
    }

    @Test
    void refusesAReportFromTheFutureAndMalformedJson() {
        String future = REPORT.replace("2026-11-20T08:00:00+07:00", "2026-11-21T08:00:00+07:00");
        assertThatThrownBy(() -> EndpointReports.parse(future.getBytes(StandardCharsets.UTF_8), RECEIVED))
                .hasMessageContaining("/collectedAt");
        assertThatThrownBy(() -> EndpointReports.parse("{".getBytes(StandardCharsets.UTF_8), RECEIVED))
                .hasMessageContaining("malformed JSON");
    }
}
