package vn.khien.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.khien.core.ingest.ImportReport;

/**
 * Every fixture under {@code src/test/resources/<format>/} parses with the expected counts, and the events
 * carry what detection matches on.
 */
class FlowAndFirewallCorpusTests {
    static Stream<Arguments> fixtures() {
        return Stream.of(
                // format, file, read, accepted, rejected, events, a value some event must carry
                Arguments.of(
                        LogFormat.SURICATA,
                        "suricata/eve-suricata7-recorded.json",
                        15,
                        15,
                        0,
                        18,
                        "edge.bad-cdn.example.net"),
                Arguments.of(
                        LogFormat.SURICATA, "suricata/eve-handwritten.json", 10, 7, 3, 7, "login.phish.example.org"),
                Arguments.of(LogFormat.ZEEK_CONN, "zeek/conn.log", 25, 25, 0, 25, "131.159.21.1"),
                Arguments.of(LogFormat.ZEEK_HTTP, "zeek/http.log", 14, 14, 0, 14, "bits.wikimedia.org"),
                Arguments.of(LogFormat.ZEEK_DNS, "zeek/dns.log", 4, 3, 1, 5, "cdn.portal-update.example.vn"),
                Arguments.of(LogFormat.ZEEK_DNS, "zeek/dns.json", 5, 3, 2, 5, "nested.example"),
                Arguments.of(LogFormat.SQUID, "squid/access.log", 7, 5, 2, 5, "cdn.bad-example.net"),
                Arguments.of(LogFormat.IPTABLES, "iptables/iptables.log", 9, 8, 1, 8, "203.0.113.7"),
                Arguments.of(LogFormat.CEF, "cef/cef-edge-cases.log", 27, 27, 0, 27, "12.121.122.82"),
                Arguments.of(LogFormat.CEF, "cef/khien.log", 3, 1, 2, 1, "cdn.bad-example.net"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("fixtures")
    void parsesFixture(LogFormat format, String file, long read, long accepted, long rejected, int events, String seen)
            throws Exception {
        List<LogEvent> out = new ArrayList<>();
        ImportReport report;
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources", file))) {
            report = LogParsers.forFormat(format).parse(in, out::add);
        }

        assertThat(report.read()).as(report.rejections().toString()).isEqualTo(read);
        assertThat(report.accepted()).isEqualTo(accepted);
        assertThat(report.rejected()).isEqualTo(rejected);
        assertThat(out).hasSize(events);
        assertThat(out).anySatisfy(e -> assertThat(List.of(
                        String.valueOf(e.domain()), String.valueOf(e.destinationIp()), String.valueOf(e.sourceIp())))
                .contains(seen));
        assertThat(out).allSatisfy(e -> assertThat(e.line()).isPositive());
    }
}
