package vn.khien.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Runs a real dnsmasq ({@code dnsmasq-base}) on a free loopback port with {@code --log-queries}, sends it
 * benign queries and queries for indicator domains and their subdomains over UDP, stops it, and checks
 * that parsing and matching its log (directly and through {@link OfflineDetector}, as {@code khien detect}
 * does) finds exactly the indicator queries.
 */
class DnsmasqLiveTests {
    private static final Path DNSMASQ = Path.of("/usr/sbin/dnsmasq");
    private static final List<String> BENIGN = List.of(
            "www.example.test", "mail.example.test", "notc2-panel.test", "c2-panel.test.example.test", "evil.test.vn");
    private static final List<String> INDICATOR_QUERIES =
            List.of("Update.C2-Panel.TEST", "c2-panel.test", "a.b.evil.test.");

    @TempDir
    Path dir;

    @Test
    void findsExactlyTheIndicatorQueriesInARealDnsmasqLog() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(DNSMASQ), "dnsmasq-base is not installed");
        Path log = dir.resolve("dnsmasq.log");
        int port = freePort();
        Process dnsmasq = new ProcessBuilder(
                        DNSMASQ.toString(),
                        "--no-daemon",
                        "--conf-file=/dev/null",
                        "--port=" + port,
                        "--listen-address=127.0.0.1",
                        "--bind-interfaces",
                        "--no-resolv",
                        "--no-hosts",
                        "--address=/example.test/127.0.0.1",
                        "--address=/c2-panel.test/198.51.100.9",
                        "--log-queries",
                        "--log-facility=" + log,
                        "--user=" + System.getProperty("user.name"),
                        "--pid-file=")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("dnsmasq.out").toFile())
                .start();
        List<String> sent = new ArrayList<>();
        try {
            assertThat(query(port, "ready.example.test", 50))
                    .as("dnsmasq answers")
                    .isTrue();
            sent.add("ready.example.test");
            for (int i = 0; i < Math.max(BENIGN.size(), INDICATOR_QUERIES.size()); i++) {
                for (List<String> names : List.of(BENIGN, INDICATOR_QUERIES)) {
                    if (i < names.size()) {
                        assertThat(query(port, names.get(i), 5))
                                .as(names.get(i))
                                .isTrue();
                        sent.add(names.get(i));
                    }
                }
            }
        } finally {
            dnsmasq.destroy();
            if (!dnsmasq.waitFor(10, TimeUnit.SECONDS)) {
                dnsmasq.destroyForcibly();
            }
        }

        List<Indicator> indicators = List.of(domain("c2-panel.test"), domain("evil.test"));
        IndicatorMatcher matcher = IndicatorMatcher.build(indicators, Instant.now());
        List<LogEvent> queries = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        ImportReport report;
        try (InputStream in = Files.newInputStream(log)) {
            report = new DnsmasqLogParser().parse(in, e -> {
                if (e.kind() == LogEvent.Kind.DNS_QUERY) {
                    queries.add(e);
                }
                matcher.match(e)
                        .forEach(m -> matched.add(
                                m.observed() + " -> " + m.indicator().value()));
            });
        }
        assertThat(report.rejected())
                .as("malformed lines: %s", report.rejections())
                .isZero();
        assertThat(queries)
                .extracting(LogEvent::domain)
                .containsExactlyElementsOf(
                        sent.stream().map(DnsmasqLiveTests::normalised).toList());
        assertThat(matched)
                .containsExactlyInAnyOrder(
                        "update.c2-panel.test -> c2-panel.test",
                        "c2-panel.test -> c2-panel.test",
                        "a.b.evil.test -> evil.test");

        Path indicatorFile = dir.resolve("indicators.txt");
        Files.writeString(indicatorFile, "# C2 domains\nc2-panel.test\nevil.test\n");
        StringWriter out = new StringWriter();
        OfflineDetector.Summary summary =
                OfflineDetector.withDefaultFormats().run(List.of(indicatorFile), log, null, out, Instant.now());
        assertThat(summary.format()).isEqualTo(LogFormat.DNSMASQ);
        assertThat(summary.matchingLines()).isEqualTo(3);
        assertThat(out.toString().lines().map(l -> l.replaceAll(".*\"observed\":\"([^\"]+)\".*", "$1")))
                .containsExactlyInAnyOrder("update.c2-panel.test", "c2-panel.test", "a.b.evil.test");
    }

    private static Indicator domain(String value) {
        return new Indicator(IndicatorType.DOMAIN, value, "live-test", null, null, null, 90, null, List.of(), false);
    }

    private static String normalised(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** A port free for both TCP and UDP on loopback (dnsmasq binds both). */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return udp.getLocalPort();
            } catch (IOException busy) {
                // the UDP side of that port is taken; try another
            }
        }
        throw new IOException("no free loopback port for TCP and UDP");
    }

    /** Sends one A query over UDP and waits for the reply with its id; retries while dnsmasq starts up. */
    private static boolean query(int port, String name, int attempts) throws IOException, InterruptedException {
        int id = (name.hashCode() & 0x7FFF) + 1;
        byte[] q = dnsQuery(id, name);
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(200);
            for (int i = 0; i < attempts; i++) {
                s.send(new DatagramPacket(q, q.length, InetAddress.getLoopbackAddress(), port));
                byte[] buf = new byte[512];
                DatagramPacket reply = new DatagramPacket(buf, buf.length);
                try {
                    s.receive(reply);
                    if (reply.getLength() >= 12 && ((buf[0] & 0xFF) << 8 | (buf[1] & 0xFF)) == id) {
                        return true;
                    }
                } catch (SocketTimeoutException | java.net.PortUnreachableException notYet) {
                    Thread.sleep(100);
                }
            }
        }
        return false;
    }

    /** A minimal RFC 1035 query: header with RD set, one question of type A, class IN. */
    static byte[] dnsQuery(int id, String name) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) (id >> 8), (byte) id, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            if (!label.isEmpty()) {
                byte[] l = label.getBytes(StandardCharsets.US_ASCII);
                b.write(l.length);
                b.writeBytes(l);
            }
        }
        b.writeBytes(new byte[] {0, 0, 1, 0, 1});
        return b.toByteArray();
    }
}
