package vn.khien.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.khien.core.detect.OfflineDetector;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.intel.Indicator;
import vn.khien.core.intel.IndicatorMatcher;
import vn.khien.core.intel.IndicatorType;

/**
 * Runs a real Suricata (Debian bookworm-backports {@code suricata}) offline on a capture this test writes
 * (DNS queries and answers over UDP, one HTTP request over TCP), and checks that parsing and matching the
 * {@code eve.json} it produces, directly and through {@link OfflineDetector} as {@code khien detect} does,
 * finds exactly the lines about indicator names and addresses. The recorded fixture
 * {@code suricata/eve-suricata7-recorded.json} covers the same parser where Suricata is not installed.
 */
class SuricataLiveTests {
    private static final Path SURICATA = Path.of("/usr/bin/suricata");
    private static final byte[] CLIENT = {10, 20, 30, 40};
    private static final byte[] RESOLVER = {10, 20, 0, 53};
    private static final byte[] WEB = {(byte) 203, 0, 113, 45};
    private static final byte[] C2_ADDRESS = {(byte) 198, 51, 100, 66};
    private static final byte[] BENIGN_ADDRESS = {(byte) 192, 0, 2, 10};

    @TempDir
    Path dir;

    @Test
    void findsExactlyTheIndicatorLinesInARealSuricataEveLog() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SURICATA), "suricata is not installed");
        Pcap pcap = new Pcap(1_740_900_000L);
        int id = 41000;
        // benign names, look-alikes that must not match, and indicator names in mixed case
        for (String name : List.of(
                "www.example.test",
                "Update.C2-Panel.TEST",
                "notc2-panel.test",
                "c2-panel.test.example.test",
                "a.b.evil.test",
                "mail.example.test")) {
            id++;
            boolean bad = name.equals("Update.C2-Panel.TEST") || name.equals("a.b.evil.test");
            pcap.udp(CLIENT, id, RESOLVER, 53, dns(id, name, false, null));
            pcap.udp(RESOLVER, 53, CLIENT, id, dns(id, name, true, bad ? C2_ADDRESS : BENIGN_ADDRESS));
        }
        pcap.tcpSession(
                CLIENT,
                50001,
                WEB,
                80,
                ("GET /load/setup.exe?id=1 HTTP/1.1\r\nHost: dl.evil.test\r\nUser-Agent: Mozilla/5.0\r\n"
                                + "Accept: */*\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII),
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n"
                        .getBytes(StandardCharsets.US_ASCII));
        Path capture = dir.resolve("khien.pcap");
        Files.write(capture, pcap.bytes());

        Path eve = runSuricata(capture);

        List<Indicator> indicators =
                List.of(indicator(IndicatorType.DOMAIN, "c2-panel.test"), indicator(IndicatorType.DOMAIN, "evil.test"));
        IndicatorMatcher matcher = IndicatorMatcher.build(indicators, Instant.now());
        List<String> dnsQueries = new ArrayList<>();
        List<String> suricataAlerts = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        ImportReport report;
        try (InputStream in = Files.newInputStream(eve)) {
            report = new SuricataEveParser().parse(in, e -> {
                if (e.kind() == LogEvent.Kind.ALERT) {
                    suricataAlerts.add(e.domain());
                }
                if (e.kind() == LogEvent.Kind.DNS_QUERY) {
                    dnsQueries.add(e.domain());
                }
                matcher.match(e)
                        .forEach(m -> matched.add(e.kind() + " " + m.observed() + " -> "
                                + m.indicator().value()));
            });
        }
        assertThat(report.rejected())
                .as("malformed lines: %s", report.rejections())
                .isZero();
        assertThat(dnsQueries)
                .containsExactlyInAnyOrder(
                        "www.example.test",
                        "update.c2-panel.test",
                        "notc2-panel.test",
                        "c2-panel.test.example.test",
                        "a.b.evil.test",
                        "mail.example.test");
        // Suricata's own content rule matches substrings, so it also alerts on the two look-alikes;
        // label-aligned matching keeps only the real subdomain (its alert line included).
        assertThat(suricataAlerts)
                .containsExactlyInAnyOrder("update.c2-panel.test", "notc2-panel.test", "c2-panel.test.example.test");
        assertThat(matched)
                .containsExactlyInAnyOrder(
                        "ALERT update.c2-panel.test -> c2-panel.test",
                        "DNS_QUERY update.c2-panel.test -> c2-panel.test",
                        "DNS_ANSWER update.c2-panel.test -> c2-panel.test",
                        "DNS_QUERY a.b.evil.test -> evil.test",
                        "DNS_ANSWER a.b.evil.test -> evil.test",
                        "HTTP dl.evil.test -> evil.test",
                        // one fileinfo line reports the download's MD5, SHA-1 and SHA-256: an event each
                        "FILE dl.evil.test -> evil.test",
                        "FILE dl.evil.test -> evil.test",
                        "FILE dl.evil.test -> evil.test");

        Path indicatorFile = dir.resolve("indicators.txt");
        Files.writeString(indicatorFile, "# C2 domains\nc2-panel.test\nevil.test\n");
        StringWriter out = new StringWriter();
        OfflineDetector.Summary summary =
                OfflineDetector.withDefaultFormats().run(List.of(indicatorFile), eve, null, out, Instant.now());
        assertThat(summary.format()).isEqualTo(LogFormat.SURICATA);
        assertThat(summary.log().rejected()).isZero();
        // one object per matching line: the fileinfo line's three hash events make one
        assertThat(summary.matchingLines()).isEqualTo(7);
        assertThat(summary.matches()).isEqualTo(7);
        assertThat(out.toString().lines().map(l -> l.replaceAll(".*\"observed\":\"([^\"]+)\".*", "$1")))
                .containsExactlyInAnyOrder(
                        "update.c2-panel.test",
                        "update.c2-panel.test",
                        "update.c2-panel.test",
                        "a.b.evil.test",
                        "a.b.evil.test",
                        "dl.evil.test",
                        "dl.evil.test");
    }

    private Path runSuricata(Path capture) throws IOException, InterruptedException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path rules = dir.resolve("local.rules");
        Files.writeString(
                rules,
                "alert dns any any -> any any (msg:\"KHIEN test: C2 query\"; dns.query; content:\"c2-panel.test\";"
                        + " nocase; sid:9000001; rev:1;)\n");
        Path config = dir.resolve("suricata.yaml");
        try (InputStream in = SuricataLiveTests.class.getResourceAsStream("/suricata/suricata.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("default-rule-path: /tmp/suri", "default-rule-path: " + dir);
            Files.writeString(config, yaml);
        }
        Process suricata = new ProcessBuilder(
                        SURICATA.toString(),
                        "-c",
                        config.toString(),
                        "-r",
                        capture.toString(),
                        "-l",
                        out.toString(),
                        "-k",
                        "none",
                        "--runmode",
                        "single")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("suricata.out").toFile())
                .start();
        if (!suricata.waitFor(120, TimeUnit.SECONDS)) {
            suricata.destroyForcibly();
            throw new AssertionError("suricata did not finish in 120 s");
        }
        assertThat(suricata.exitValue())
                .as("suricata exit; output:%n%s", Files.readString(dir.resolve("suricata.out")))
                .isZero();
        Path eve = out.resolve("eve.json");
        assertThat(eve).exists();
        // kept beside the build for whoever wants to read what this Suricata wrote
        Files.createDirectories(Path.of("target"));
        Files.copy(eve, Path.of("target/suricata-live-eve.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return eve;
    }

    private static Indicator indicator(IndicatorType type, String value) {
        return new Indicator(type, value, "live-test", null, null, null, 90, null, List.of(), false);
    }

    /** An RFC 1035 query, or its answer with one A record when {@code address} is given. */
    private static byte[] dns(int id, String name, boolean response, byte[] address) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {
            (byte) (id >> 8),
            (byte) id,
            (byte) (response ? 0x81 : 0x01),
            (byte) (response ? 0x80 : 0x00),
            0,
            1,
            0,
            (byte) (response ? 1 : 0),
            0,
            0,
            0,
            0
        });
        for (String label : name.split("\\.")) {
            byte[] l = label.getBytes(StandardCharsets.US_ASCII);
            b.write(l.length);
            b.writeBytes(l);
        }
        b.writeBytes(new byte[] {0, 0, 1, 0, 1});
        if (response) {
            // name pointer to the question (offset 12), type A, class IN, TTL 300, 4 bytes of address
            b.writeBytes(new byte[] {(byte) 0xC0, 12, 0, 1, 0, 1, 0, 0, 1, 44, 0, 4});
            b.writeBytes(address);
        }
        return b.toByteArray();
    }

    /** A classic libpcap capture (Ethernet link type) of IPv4 UDP and TCP packets, 10 ms apart. */
    private static final class Pcap {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long micros;

        Pcap(long epochSeconds) {
            micros = epochSeconds * 1_000_000L;
            writeLe(0xa1b2c3d4, 4);
            writeLe(2, 2);
            writeLe(4, 2);
            writeLe(0, 4);
            writeLe(0, 4);
            writeLe(65535, 4);
            writeLe(1, 4);
        }

        void udp(byte[] src, int sport, byte[] dst, int dport, byte[] payload) {
            ByteArrayOutputStream l4 = new ByteArrayOutputStream();
            be(l4, sport, 2);
            be(l4, dport, 2);
            be(l4, 8 + payload.length, 2);
            be(l4, 0, 2); // no UDP checksum (allowed over IPv4)
            l4.writeBytes(payload);
            packet(src, dst, 17, l4.toByteArray());
        }

        /** Handshake, one request and one response, then both sides close. */
        void tcpSession(byte[] client, int sport, byte[] server, int dport, byte[] request, byte[] response) {
            long c = 1000;
            long s = 5000;
            tcp(client, sport, server, dport, c, 0, 0x02, new byte[0]);
            tcp(server, dport, client, sport, s, c + 1, 0x12, new byte[0]);
            tcp(client, sport, server, dport, c + 1, s + 1, 0x10, new byte[0]);
            tcp(client, sport, server, dport, c + 1, s + 1, 0x18, request);
            long c2 = c + 1 + request.length;
            tcp(server, dport, client, sport, s + 1, c2, 0x18, response);
            long s2 = s + 1 + response.length;
            tcp(client, sport, server, dport, c2, s2, 0x10, new byte[0]);
            tcp(client, sport, server, dport, c2, s2, 0x11, new byte[0]);
            tcp(server, dport, client, sport, s2, c2 + 1, 0x11, new byte[0]);
            tcp(client, sport, server, dport, c2 + 1, s2 + 1, 0x10, new byte[0]);
        }

        private void tcp(byte[] src, int sport, byte[] dst, int dport, long seq, long ack, int flags, byte[] data) {
            ByteArrayOutputStream l4 = new ByteArrayOutputStream();
            be(l4, sport, 2);
            be(l4, dport, 2);
            be(l4, seq, 4);
            be(l4, ack, 4);
            l4.write(5 << 4);
            l4.write(flags);
            be(l4, 65535, 2);
            be(l4, 0, 2); // checksum: Suricata runs with -k none
            be(l4, 0, 2);
            l4.writeBytes(data);
            packet(src, dst, 6, l4.toByteArray());
        }

        private void packet(byte[] src, byte[] dst, int protocol, byte[] l4) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.writeBytes(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00});
            byte[] ip = new byte[20];
            ip[0] = 0x45;
            int total = 20 + l4.length;
            ip[2] = (byte) (total >> 8);
            ip[3] = (byte) total;
            ip[8] = 64;
            ip[9] = (byte) protocol;
            System.arraycopy(src, 0, ip, 12, 4);
            System.arraycopy(dst, 0, ip, 16, 4);
            int sum = 0;
            for (int i = 0; i < 20; i += 2) {
                sum += ((ip[i] & 0xFF) << 8) | (ip[i + 1] & 0xFF);
            }
            sum = (sum & 0xFFFF) + (sum >>> 16);
            sum = ~((sum & 0xFFFF) + (sum >>> 16)) & 0xFFFF;
            ip[10] = (byte) (sum >> 8);
            ip[11] = (byte) sum;
            frame.writeBytes(ip);
            frame.writeBytes(l4);
            byte[] f = frame.toByteArray();
            micros += 10_000;
            writeLe(micros / 1_000_000L, 4);
            writeLe(micros % 1_000_000L, 4);
            writeLe(f.length, 4);
            writeLe(f.length, 4);
            out.writeBytes(f);
        }

        private void writeLe(long v, int bytes) {
            for (int i = 0; i < bytes; i++) {
                out.write((int) (v >>> (8 * i)));
            }
        }

        private static void be(ByteArrayOutputStream o, long v, int bytes) {
            for (int i = bytes - 1; i >= 0; i--) {
                o.write((int) (v >>> (8 * i)));
            }
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
