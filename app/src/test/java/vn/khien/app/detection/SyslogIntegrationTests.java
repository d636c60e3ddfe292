package vn.khien.app.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.app.detection.internal.Pipeline;
import vn.khien.app.detection.internal.SyslogServer;
import vn.khien.app.intel.IntelService;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;

/**
 * A million syslog lines over TCP loopback (half newline-framed RFC 3164, half octet-counted RFC 5424, through a
 * queue far smaller than the input so back-pressure is exercised): none lost, and the matching alerts appear once
 * each with the right counts.
 */
@KhienIntegrationTest
class SyslogIntegrationTests {
    static final int LINES = 1_000_000;
    static final int PER_CONNECTION = LINES / 2;

    @Autowired
    Pipeline pipeline;

    @Autowired
    IntelService intel;

    @Autowired
    DetectionService detection;

    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void province() throws Exception {
        fixtures.demoProvince();
        Path file = Files.createTempFile("c2", ".txt");
        Files.writeString(file, "c2.evil-demo.test\nbad-update.test\n");
        Fixtures.asAdmin(() -> intel.importFile("demo-c2", file));
        Files.delete(file);
    }

    static String query(int i) {
        String client;
        String name;
        if (i % 1000 == 0) {
            client = "10.20.4.57";
            name = "beacon" + (i % 7) + ".c2.evil-demo.test";
        } else if (i % 2500 == 1) {
            client = "10.20.5.9";
            name = "cdn.BAD-UPDATE.test";
        } else {
            client = "10.20." + (i % 13 + 1) + "." + (i % 250 + 1);
            name = "www" + (i % 97) + ".example.vn";
        }
        return "client @0x7f3a2c01b2a8 " + client + "#" + (1024 + i % 60000) + " (" + name + "): query: " + name
                + " IN A +E(0)K (10.10.0.2)";
    }

    @Test
    void losesNoLineAndRaisesEachAlertOnce() throws Exception {
        try (SyslogServer server =
                new SyslogServer(pipeline, new SyslogProperties(null, 0, "127.0.0.1", "auto", 10_000))) {
            server.start();
            int port = server.tcpPort();
            long start = System.nanoTime();
            ExecutorService senders = Executors.newFixedThreadPool(2);
            Future<?> a = senders.submit(() -> send(port, 0, false));
            Future<?> b = senders.submit(() -> send(port, PER_CONNECTION, true));
            a.get();
            b.get();
            senders.shutdown();
            long lines = 0;
            long deadline = System.currentTimeMillis() + 300_000;
            while (System.currentTimeMillis() < deadline) {
                List<LogSource> sources = Fixtures.asAdmin(() -> detection.sources(UnitScope.province()));
                lines = sources.stream().mapToLong(LogSource::lines).sum();
                if (lines >= LINES) {
                    break;
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("syslog TCP: %d lines in %.2f s = %.0f lines/s%n", lines, seconds, lines / seconds);
            List<LogSource> sources = Fixtures.asAdmin(() -> detection.sources(UnitScope.province()));
            assertThat(sources).hasSize(1);
            LogSource s = sources.get(0);
            assertThat(s.name()).isEqualTo("syslog:127.0.0.1");
            assertThat(s.format()).isEqualTo("BIND");
            assertThat(s.lines()).isEqualTo(LINES);
            assertThat(s.malformed()).isZero();
            assertThat(s.dropped()).isZero();
            assertThat(s.matched()).isEqualTo(LINES / 1000 + LINES / 2500);
        }
        List<Alert> alerts =
                Fixtures.asAdmin(() -> detection.alerts(UnitScope.province(), null, null, null, null, 100, 0));
        assertThat(alerts).hasSize(2);
        Alert c2 = alerts.stream()
                .filter(x -> x.indicatorValue().equals("c2.evil-demo.test"))
                .findFirst()
                .orElseThrow();
        assertThat(c2.sourceIp()).isEqualTo("10.20.4.57");
        assertThat(c2.count()).isEqualTo(LINES / 1000);
        assertThat(c2.unitId()).isEqualTo(fixtures.unit("X-BA").id());
        Alert update = alerts.stream()
                .filter(x -> x.indicatorValue().equals("bad-update.test"))
                .findFirst()
                .orElseThrow();
        assertThat(update.sourceIp()).isEqualTo("10.20.5.9");
        assertThat(update.count()).isEqualTo(LINES / 2500);
        assertThat(update.unitId()).isEqualTo(fixtures.unit("X-HP").id());
        assertThat(Fixtures.asAdmin(() -> detection.evidence(UnitScope.province(), c2.id())))
                .hasSize(20);
    }

    static Void send(int port, int from, boolean octetCounting) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16)) {
            for (int i = from; i < from + PER_CONNECTION; i++) {
                if (octetCounting) {
                    byte[] msg = ("<30>1 2026-11-22T09:15:01.004+07:00 ns1 named 812 - [meta seq=\"" + i + "\"] "
                                    + query(i))
                            .getBytes(StandardCharsets.UTF_8);
                    out.write((msg.length + " ").getBytes(StandardCharsets.US_ASCII));
                    out.write(msg);
                } else {
                    out.write(("<30>Nov 22 09:15:01 ns1 named[812]: " + query(i) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return null;
    }
}
