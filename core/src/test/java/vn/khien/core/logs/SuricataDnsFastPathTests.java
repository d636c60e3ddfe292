package vn.khien.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte scanner and the Jackson path turn every DNS line into the same events. */
class SuricataDnsFastPathTests {
    @ParameterizedTest
    @ValueSource(strings = {"suricata/eve-suricata7-recorded.json", "suricata/eve-handwritten.json"})
    void fastPathAgreesWithJacksonOnEveryDnsLine(String file) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources", file));
        EveDnsScanner scanner = new EveDnsScanner();
        int fast = 0;
        for (int i = 0; i < lines.size(); i++) {
            byte[] b = lines.get(i).getBytes(StandardCharsets.UTF_8);
            EveDns scanned = new EveDns();
            if (!scanner.scan(b, 0, b.length, scanned)) {
                continue;
            }
            fast++;
            List<LogEvent> viaScanner = new ArrayList<>();
            scanned.emit(i + 1, lines.get(i), viaScanner);
            List<LogEvent> viaJackson = new ArrayList<>();
            viaJackson.addAll(jackson(b, i + 1, lines.get(i)));
            assertThat(viaScanner).as(lines.get(i)).isEqualTo(viaJackson);
        }
        assertThat(fast).isPositive();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"event_type\":\"dns\",\"dns\":{\"type\":\"query\",\"rrname\":\"a\\q\"}}",
                "{\"event_type\":\"dns\",\"dns\":{\"type\":\"query\",\"rrname\":\"café.example\"}}",
                "{\"event_type\":\"dns\",\"dns\":{\"type\":\"query\"}} trailing",
                "{\"event_type\":\"dns\",\"dest_port\":053,\"dns\":{}}",
                "{\"event_type\":\"http\",\"dns\":{}}",
                "{\"event_type\":\"dns\",\"dns\u0000\":{},\"dns\":{}}\n padding for the table read",
                "{\"event_type\":\"dns\",\"dns\":{\"type\u0000\":\"query\"}}\n padding for the table read",
                "{\"event_type\":\"dns\",\"dns\":{\"type\":\"query\",\"rrname\":\"x\"}"
            })
    void declinesWhatItCannotHandleExactly(String line) {
        // a line may be followed by more of the buffer (newline and padding), which the scanner must not read into
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        int to = line.indexOf('\n') < 0 ? b.length : line.indexOf('\n');
        assertThat(new EveDnsScanner().scan(b, 0, to, new EveDns())).isFalse();
    }

    /**
     * Keys are found through a table of known keys (two longs cut at the first quote): keys that only
     * resemble one (a byte more or less, another case), keys around the 8- and 16-byte boundaries and the
     * empty key must be read exactly as Jackson reads them, whether or not bytes follow the line in the
     * buffer (the table read looks up to 16 bytes ahead; at the array's end the scanner takes the slow way).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"timestamp\":\"2025-03-02T07:00:00.000000+0000\",\"src_ipx\":\"1.1.1.1\",\"src_ip\":\"10.0.0.1\","
                        + "\"dest_ip_\":\"9.9.9.9\",\"dest_ip\":\"10.0.0.53\",\"dest_port\":53,\"dest_portx\":1,"
                        + "\"Event_type\":\"http\",\"event_type\":\"dns\",\"dnsx\":{\"type\":\"answer\"},"
                        + "\"dns\":{\"typ\":\"x\",\"type\":\"query\",\"rrnam\":\"bad.example\","
                        + "\"rrname\":\"Good.Example.\",\"rrname_\":\"bad2.example\"}}",
                "{\"timestamp\":\"2025-03-02T07:00:00Z\",\"event_type\":\"dns\",\"src_ip\":\"10.0.0.53\","
                        + "\"dest_ip\":\"10.0.0.1\",\"dest_port\":40000,\"\":0,\"aaaaaaa\":1,\"aaaaaaaa\":2,"
                        + "\"aaaaaaaaaaaaaaa\":3,\"aaaaaaaaaaaaaaaa\":4,\"aaaaaaaaaaaaaaaaa\":5,\"dns\":{\"type\":"
                        + "\"answer\",\"answers\":[{\"rrname\":\"a.example\",\"rrtypex\":\"CNAME\",\"rrtype\":\"A\","
                        + "\"rdata_\":\"6.6.6.6\",\"rdata\":\"1.2.3.4\"},{\"rrname\":\"b.example\",\"rrtype\":"
                        + "\"CNAME\",\"rdata\":\"c.example\"},{\"rrname\":\"m.example\",\"rrtype\":\"MX\","
                        + "\"rdata\":\"mx.example\"}]}}",
                "{\"timestamp\":\"2025-03-02T07:00:00.5+07:00\",\"event_type\":\"dns\",\"src_ip\":\"10.0.0.1\","
                        + "\"dest_ip\":\"10.0.0.53\",\"dest_port\":53,\"dns\":{\"type\":\"answer\",\"rrname\":"
                        + "\"g.example\",\"rrtype\":\"A\",\"grouped\":{\"A\":[\"1.2.3.4\",5],\"CNAME\":[\"h.example\"]}}}",
                "{\"timestamp\":\"2025-03-02T07:00:00.000000+00:00\",\"event_type\":\"dns\",\"src_ip\":\"10.0.0.1\","
                        + "\"dest_ip\":\"10.0.0.53\",\"dest_port\":53,\"dns\":{\"type\":\"request\",\"queries\":"
                        + "[{\"rrname\":\"q1.example\"},{\"rrname_\":\"no.example\"},{\"rrname\":\"q2.example\"}]}}"
            })
    void readsKeysByTableExactlyAsJackson(String line) throws Exception {
        byte[] exact = line.getBytes(StandardCharsets.UTF_8);
        byte[] padded = (line + "\n{\"event_type\":\"dns\",\"dns\":{}}\n").getBytes(StandardCharsets.UTF_8);
        List<LogEvent> expected = jackson(exact, 1, line);
        assertThat(expected).isNotEmpty();
        for (byte[] b : List.of(exact, padded)) {
            EveDns scanned = new EveDns();
            assertThat(new EveDnsScanner().scan(b, 0, exact.length, scanned))
                    .as(line)
                    .isTrue();
            List<LogEvent> events = new ArrayList<>();
            scanned.emit(1, line, events);
            assertThat(events).as(line).isEqualTo(expected);
        }
    }

    /** A key whose closing quote lies past the line's end (in the buffer, not the line) is no key. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"event_type\":\"dns\",\"dns",
                "{\"event_type\":\"dns\",\"dns\"",
                "{\"event_type\":\"dns\",\"event_typ",
                "{\"timestamp\":\"2025-03-02T07:00:00.000000+0000"
            })
    void declinesAKeyOrValueCutByTheLineEnd(String line) {
        int to = line.length();
        byte[] b = (line + "\":{\"type\":\"query\",\"rrname\":\"x\"}}\n").getBytes(StandardCharsets.UTF_8);
        assertThat(new EveDnsScanner().scan(b, 0, to, new EveDns())).isFalse();
    }

    private static List<LogEvent> jackson(byte[] b, long lineNo, String raw) throws Exception {
        // the same object behind a leading key with a non-ASCII string, which the scanner declines, so the
        // line takes the Jackson path; the raw text is then put back for comparison
        String withBlocker = "{\"x\":\"\u00e9\"," + raw.substring(1);
        byte[] nb = withBlocker.getBytes(StandardCharsets.UTF_8);
        List<LogEvent> out = new ArrayList<>();
        new SuricataEveParser().session().line(nb, 0, nb.length, lineNo, out);
        List<LogEvent> fixed = new ArrayList<>();
        for (LogEvent e : out) {
            fixed.add(new LogEvent(
                    e.line(),
                    e.time(),
                    e.kind(),
                    e.sourceIp(),
                    e.domain(),
                    e.destinationIp(),
                    e.destinationPort(),
                    e.url(),
                    e.fileHash(),
                    raw));
        }
        return fixed;
    }
}
