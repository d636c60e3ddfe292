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
                "{\"event_type\":\"dns\",\"dns\":{\"type\":\"query\",\"rrname\":\"x\"}"
            })
    void declinesWhatItCannotHandleExactly(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        assertThat(new EveDnsScanner().scan(b, 0, b.length, new EveDns())).isFalse();
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
