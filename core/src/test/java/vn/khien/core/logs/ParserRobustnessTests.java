package vn.khien.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.khien.core.ingest.ImportReport;

/**
 * Random bytes, truncated and spliced fixture lines never make a parser throw, and its counts add up:
 * every record is either accepted or rejected. Fixed seeds keep failures reproducible.
 */
class ParserRobustnessTests {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "SURICATA, suricata/eve-suricata7-recorded.json",
        "ZEEK_DNS, zeek/dns.log",
        "ZEEK_CONN, zeek/conn.log",
        "ZEEK_HTTP, zeek/http.log",
        "SQUID, squid/access.log",
        "IPTABLES, iptables/iptables.log",
        "CEF, cef/cef-edge-cases.log"
    })
    void survivesMangledInput(LogFormat format, String fixture) throws Exception {
        byte[] good = Files.readAllBytes(Path.of("src/test/resources", fixture));
        Random random = new Random(20250302L ^ format.ordinal());
        for (int round = 0; round < 300; round++) {
            byte[] input = mangle(good, random, round);
            List<LogEvent> events = new ArrayList<>();
            ImportReport report = LogParsers.forFormat(format).parse(new ByteArrayInputStream(input), events::add);

            assertThat(report.read()).isEqualTo(report.accepted() + report.rejected());
            assertThat(report.rejections()).allSatisfy(r -> assertThat(r.line()).isPositive());
        }
    }

    private static byte[] mangle(byte[] good, Random random, int round) {
        switch (round % 4) {
            case 0 -> {
                byte[] noise = new byte[random.nextInt(4096)];
                random.nextBytes(noise);
                return noise;
            }
            case 1 -> {
                return java.util.Arrays.copyOf(good, random.nextInt(good.length + 1));
            }
            case 2 -> {
                byte[] copy = good.clone();
                for (int i = 0; i < 1 + random.nextInt(40); i++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            default -> {
                int cut = random.nextInt(good.length);
                byte[] out = new byte[good.length * 2 - cut];
                System.arraycopy(good, 0, out, 0, good.length);
                System.arraycopy(good, cut, out, good.length, good.length - cut);
                for (int i = 0; i < 5; i++) {
                    int at = random.nextInt(out.length);
                    String specials = "{}[]\"\\:,\n\t|=";
                    out[at] = (byte) specials.charAt(random.nextInt(specials.length()));
                }
                return out;
            }
        }
    }
}
