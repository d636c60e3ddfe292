package vn.khien.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.khien.core.logs.LogFormat;

class OfflineDetectorTests {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @TempDir
    Path tmp;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(OfflineDetectorTests.class.getResource("/" + name).toURI());
    }

    @Test
    void writesOneJsonLinePerMatchingLineOfADetectedBindLog() throws Exception {
        StringWriter out = new StringWriter();
        OfflineDetector.Summary s = OfflineDetector.withDefaultFormats()
                .run(List.of(resource("detect/c2-domains.txt")), resource("bind/khien-written.log"), null, out, NOW);
        assertThat(s.format()).isEqualTo(LogFormat.BIND);
        assertThat(s.log().read()).isEqualTo(8);
        assertThat(s.log().rejected()).isEqualTo(3);
        assertThat(s.matchingLines()).isEqualTo(2);
        assertThat(out.toString().lines())
                .hasSize(2)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("{\"line\":2,\"observed\":\"update.c2-panel.test\",\"indicator\":\"c2-panel.test\","
                                + "\"type\":\"domain\",\"source\":\"c2-domains.txt\""))
                .anySatisfy(
                        l -> assertThat(l)
                                .startsWith(
                                        "{\"line\":5,\"observed\":\"blocked.example.test\",\"indicator\":\"blocked.example.test\""));
        assertThat(s.line())
                .startsWith("format=bind indicators=3 active=3 lines=8 malformed=3 matches=2 (first malformed: "
                        + "khien-written.log line 7: ");
    }

    @Test
    void matchesAnswerAddressesFromCsvIndicatorsInADnsmasqLog() throws Exception {
        StringWriter out = new StringWriter();
        OfflineDetector.Summary s = OfflineDetector.withDefaultFormats()
                .run(
                        List.of(resource("detect/c2-domains.txt"), resource("detect/c2-addresses.csv")),
                        resource("dnsmasq/dnsmasq-2.90-log-queries-extra.log"),
                        LogFormat.DNSMASQ,
                        out,
                        NOW);
        assertThat(out.toString()
                        .lines()
                        .map(l -> l.replaceAll(
                                "^\\{\"line\":(\\d+),\"observed\":\"([^\"]+)\",\"indicator\":\"([^\"]+)\".*",
                                "$1 $2 $3")))
                .containsExactly(
                        "7 update.c2-panel.test c2-panel.test",
                        "9 198.51.100.9 198.51.100.9",
                        "12 192.0.2.7 192.0.2.0/24",
                        "15 192.0.2.7 192.0.2.0/24",
                        "24 c2-panel.test c2-panel.test");
        assertThat(s.log().rejected()).isZero();
    }

    /**
     * Regression: a Suricata fileinfo line becomes one event per file hash it reports, and each event that
     * matched was written as its own object, so one log line appeared three times in the output.
     */
    @Test
    void writesASuricataFileinfoLineOnceWithItsDistinctMatches() throws Exception {
        Path ind = Files.writeString(tmp.resolve("ind.txt"), "bad-example.net\n394e4965e725d02c098b1a4108073406\n");
        StringWriter out = new StringWriter();
        OfflineDetector.Summary s = OfflineDetector.withDefaultFormats()
                .run(List.of(ind), resource("suricata/eve-suricata7-recorded.json"), null, out, NOW);
        assertThat(s.format()).isEqualTo(LogFormat.SURICATA);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines)
                .extracting(l -> l.replaceAll("^\\{\"line\":(\\d+),.*", "$1"))
                .doesNotHaveDuplicates();
        assertThat(s.matchingLines()).isEqualTo(lines.size());
        assertThat(lines)
                .filteredOn(l -> l.contains("\"kind\":\"FILE\""))
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .contains("\"observed\":\"cdn.bad-example.net\"")
                        .contains("\"indicator\":\"394e4965e725d02c098b1a4108073406\""));
    }

    @Test
    void failsWithAMessageNamingTheFileWhenTheFormatCannotBeDetected() throws IOException {
        Path log = Files.writeString(tmp.resolve("notes.txt"), "nothing here\nthat looks like a log\n");
        Path ind = Files.writeString(tmp.resolve("ind.txt"), "evil.test\n");
        assertThatThrownBy(() ->
                        OfflineDetector.withDefaultFormats().run(List.of(ind), log, null, new StringWriter(), NOW))
                .isInstanceOf(OfflineDetector.DetectException.class)
                .hasMessageContaining("notes.txt")
                .hasMessageContaining("--format");
        assertThatThrownBy(() -> OfflineDetector.withDefaultFormats()
                        .run(List.of(tmp.resolve("missing.txt")), log, LogFormat.BIND, new StringWriter(), NOW))
                .hasMessageContaining("missing.txt");
    }

    @Test
    void escapesJsonStrings() {
        assertThat(OfflineDetector.quote("a\"b\\c\u0001")).isEqualTo("\"a\\\"b\\\\c\\u0001\"");
    }
}
