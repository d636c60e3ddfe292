package vn.khien.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.khien.core.ingest.ImportReport;

/**
 * The Suricata parser reads DNS lines in one pass, finding each line's end while it scans the object
 * ({@code Session.lineAt}); every other line is split first. Whatever the input and however it arrives,
 * that must give exactly the events and the report of splitting every line first.
 */
class SuricataOnePassTests {
    /** Lines the one-pass scan must take, decline, or stop at: LF inside an object, CR, blanks, junk. */
    private static final List<String> EDGES = List.of(
            "{\"timestamp\":\"2025-03-02T07:20:00.000000+0000\",\"event_type\":\"dns\",\"src_ip\":\"10.0.0.1\","
                    + "\"dest_ip\":\"10.0.0.53\",\"dest_port\":53,\"dns\":{\"type\":\"query\",\"rrname\":\"a.evil.test\"}}",
            "{\"timestamp\":\"2025-03-02T07:20:00.000000+0000\",\"event_type\":\"dns\",\"src_ip\":\"10.0.0.1\","
                    + "\"dns\":{\"type\":\"query\",\"rrname\":\"crlf.evil.test\"}}\r",
            "{\"timestamp\":\"2025-03-02T07:20:00.000000+0000\",\"event_type\":\"dns\",\"src_ip\":\"10.0.0.1\","
                    + "\"dns\":{\"type\":\"query\",\"rrname\":\"blanks.evil.test\"}} \t\r",
            "   {\"event_type\":\"dns\",\"dns\":{\"type\":\"query\",\"rrname\":\"indented.test\"}}",
            "{\"event_type\":\"dns\",",
            "\"dns\":{\"type\":\"query\",\"rrname\":\"split.over.two.lines.test\"}}",
            "{\"event_type\":\"dns\",\"dns\":{\"type\":\"query\",\"rrname\":\"junk.test\"}} x",
            "{\"timestamp\":\"2025-03-02T07:20:00.0",
            "{\"event_type\":\"flow\",\"src_ip\":\"10.0.0.1\",\"dest_ip\":\"192.0.2.1\",\"dest_port\":443}",
            "  \t ",
            "",
            "not json at all",
            "{\"event_type\":\"dns\",\"dns\":{\"type\":\"answer\",\"rrname\":\"b.evil.test\",\"rrtype\":\"A\","
                    + "\"rdata\":\"198.51.100.7\"}}");

    @ParameterizedTest
    @ValueSource(strings = {"suricata/eve-suricata7-recorded.json", "suricata/eve-handwritten.json", "edges"})
    void givesWhatSplittingEveryLineFirstGives(String source) throws IOException {
        byte[] input = source.equals("edges")
                ? String.join("\n", EDGES).getBytes(StandardCharsets.UTF_8)
                : Files.readAllBytes(Path.of("src/test/resources", source));
        for (byte[] variant : List.of(input, withLf(input), crlf(input))) {
            Run expected = run(splitFirst(), new ByteArrayInputStream(variant));
            assertThat(expected.events).isNotEmpty();
            assertThat(run(new SuricataEveParser(), new ByteArrayInputStream(variant)))
                    .usingRecursiveComparison()
                    .isEqualTo(expected);
            for (int chunk : new int[] {1, 7, 64, 333}) {
                assertThat(run(new SuricataEveParser(), new Trickle(variant, chunk)))
                        .as("read %d bytes at a time", chunk)
                        .usingRecursiveComparison()
                        .isEqualTo(expected);
            }
        }
    }

    /** Many DNS lines in a row, some cut or followed by junk, read through a buffer that refills mid-line. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void agreesOnShuffledEdgesOverManyRefills(int seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            b.append(EDGES.get(random.nextInt(EDGES.size()))).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        byte[] input = b.toString().getBytes(StandardCharsets.UTF_8);
        Run expected = run(splitFirst(), new ByteArrayInputStream(input));
        assertThat(run(new SuricataEveParser(), new Trickle(input, 4093)))
                .usingRecursiveComparison()
                .isEqualTo(expected);
    }

    record Run(ImportReport report, List<LogEvent> events) {}

    private static Run run(LogParser parser, InputStream in) throws IOException {
        List<LogEvent> events = new ArrayList<>();
        ImportReport report = parser.parse(in, events::add);
        return new Run(report, events);
    }

    /** The same parser with its one-pass path turned off: every line is split before it is parsed. */
    private static LogParser splitFirst() {
        return new ByteLineParser() {
            @Override
            Session session() {
                Session s = new SuricataEveParser().session();
                return s::line;
            }

            @Override
            public LogFormat format() {
                return LogFormat.SURICATA;
            }
        };
    }

    private static byte[] withLf(byte[] input) {
        byte[] out = new byte[input.length + 1];
        System.arraycopy(input, 0, out, 0, input.length);
        out[input.length] = '\n';
        return out;
    }

    private static byte[] crlf(byte[] input) {
        return new String(input, StandardCharsets.UTF_8)
                .replace("\r\n", "\n")
                .replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Hands out at most {@code chunk} bytes per read, as a slow socket would. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private final int chunk;
        private int pos;

        Trickle(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
