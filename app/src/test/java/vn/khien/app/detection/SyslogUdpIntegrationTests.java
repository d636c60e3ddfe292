package vn.khien.app.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.app.detection.internal.Pipeline;
import vn.khien.app.detection.internal.SyslogServer;
import vn.khien.app.intel.IntelService;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;

/** dnsmasq lines over UDP syslog: every datagram is counted (received or dropped) and the hits become one alert. */
@KhienIntegrationTest
class SyslogUdpIntegrationTests {
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
        Files.writeString(file, "c2.evil-demo.test\n");
        Fixtures.asAdmin(() -> intel.importFile("demo-c2", file));
        Files.delete(file);
    }

    @Test
    void countsEveryDatagramAndRaisesTheAlertOnce() throws Exception {
        int sent = 2_000;
        try (SyslogServer server =
                        new SyslogServer(pipeline, new SyslogProperties(0, null, "127.0.0.1", "dnsmasq", 10_000));
                DatagramSocket client = new DatagramSocket()) {
            server.start();
            for (int i = 0; i < sent; i++) {
                String name = i % 100 == 0 ? "x" + i + ".c2.evil-demo.test" : "www" + i + ".example.vn";
                byte[] b = ("<30>Nov 22 09:15:01 dnsmasq[812]: query[A] " + name + " from 10.20.4.57")
                        .getBytes(StandardCharsets.UTF_8);
                client.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), server.udpPort()));
                // UDP has no back-pressure: bursts of 20 (~2 KB) always fit the kernel's default socket buffer, so
                // what the test counts is what Khiên received or dropped, not what a loaded kernel threw away
                if (i % 20 == 0) {
                    Thread.sleep(2);
                }
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                List<LogSource> s = Fixtures.asAdmin(() -> detection.sources(UnitScope.province()));
                if (!s.isEmpty() && s.get(0).lines() + s.get(0).dropped() >= sent) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        LogSource s =
                Fixtures.asAdmin(() -> detection.sources(UnitScope.province())).get(0);
        assertThat(s.name()).isEqualTo("syslog:127.0.0.1");
        assertThat(s.lines() + s.dropped()).isEqualTo(sent);
        assertThat(s.malformed()).isZero();
        List<Alert> alerts =
                Fixtures.asAdmin(() -> detection.alerts(UnitScope.province(), null, null, null, null, 10, 0));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.sourceIp()).isEqualTo("10.20.4.57");
            assertThat(a.unitId()).isEqualTo(fixtures.unit("X-BA").id());
        });
    }
}
