package vn.khien.app.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/**
 * The live path: a real dnsmasq ({@code dnsmasq-base}) on a loopback port with {@code --log-queries} answers
 * benign names, indicator subdomains (in mixed case) and look-alike decoys; its log, pushed through the HTTP bulk
 * endpoint, gives exactly the indicator queries as matches, in one alert with their count.
 */
@KhienIntegrationTest
class DnsmasqLiveIntegrationTests {
    static final Path DNSMASQ = Path.of("/usr/sbin/dnsmasq");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DetectionService detection;

    @TempDir
    Path dir;

    @Test
    void onlyIndicatorQueriesBecomeAlerts() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(DNSMASQ), "dnsmasq-base is not installed");
        fixtures.demoProvince();
        String key = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        mvc.perform(post("/api/v1/indicators/import")
                        .header("Authorization", key)
                        .param("feed", "live")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("c2.evil-demo.test\n"))
                .andExpect(status().isOk());

        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path log = dir.resolve("dnsmasq.log");
        Process p = new ProcessBuilder(
                        DNSMASQ.toString(),
                        "--keep-in-foreground",
                        "--conf-file=/dev/null",
                        "--port=" + port,
                        "--listen-address=127.0.0.1",
                        "--bind-interfaces",
                        "--no-resolv",
                        "--no-hosts",
                        "--log-queries",
                        "--log-facility=" + log,
                        "--pid-file=" + dir.resolve("dnsmasq.pid"),
                        "--address=/test/127.0.0.9",
                        "--address=/vn/127.0.0.8")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("dnsmasq.out").toFile())
                .start();
        List<String> indicatorNames = List.of(
                "beacon.c2.evil-demo.test", "C2.Evil-Demo.TEST", "a.b.c2.evil-demo.test", "upd.C2.evil-demo.test");
        List<String> benign = List.of(
                "www.example.vn",
                "dichvucong.gov.vn",
                "notc2.evil-demo.test",
                "xc2.evil-demo.test",
                "c2.evil-demo.test.example.vn",
                "evil-demo.test");
        List<String> sent = new ArrayList<>();
        try {
            waitFor(log, "started", p);
            try (DatagramSocket s = new DatagramSocket()) {
                s.setSoTimeout(2_000);
                for (int round = 0; round < 3; round++) {
                    for (String n : benign) {
                        ask(s, port, n);
                        sent.add(n);
                    }
                    for (String n : indicatorNames) {
                        ask(s, port, n);
                        sent.add(n);
                    }
                }
            }
            waitFor(log, "query[A] " + indicatorNames.get(indicatorNames.size() - 1), p);
        } finally {
            p.destroy();
            p.waitFor();
        }
        byte[] body = Files.readAllBytes(log);
        mvc.perform(post("/api/v1/logs")
                        .header("Authorization", key)
                        .param("format", "auto")
                        .param("source", "dnsmasq-live")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("DNSMASQ"))
                .andExpect(jsonPath("$.malformed").value(0))
                .andExpect(jsonPath("$.matched").value(3 * indicatorNames.size()))
                .andExpect(jsonPath("$.alertsCreated").value(1));
        List<Alert> alerts =
                Fixtures.asAdmin(() -> detection.alerts(UnitScope.province(), null, null, null, null, 10, 0));
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).sourceIp()).isEqualTo("127.0.0.1");
        assertThat(alerts.get(0).count()).isEqualTo(3L * indicatorNames.size());
        assertThat(alerts.get(0).unitId()).isNull();
        assertThat(sent).hasSize(30);
    }

    static void waitFor(Path log, String text, Process p) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (Files.exists(log)
                    && Files.readString(log, StandardCharsets.UTF_8)
                            .toLowerCase(java.util.Locale.ROOT)
                            .contains(text.toLowerCase(java.util.Locale.ROOT))) {
                return;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("dnsmasq exited with " + p.exitValue());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("dnsmasq did not log '" + text + "'");
    }

    /** Sends one DNS query for an A record and waits for the answer. */
    static void ask(DatagramSocket s, int port, String name) throws Exception {
        ByteArrayOutputStream q = new ByteArrayOutputStream();
        q.write(new byte[] {0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            byte[] b = label.getBytes(StandardCharsets.US_ASCII);
            q.write(b.length);
            q.write(b);
        }
        q.write(new byte[] {0, 0, 1, 0, 1});
        byte[] msg = q.toByteArray();
        s.send(new DatagramPacket(msg, msg.length, InetAddress.getLoopbackAddress(), port));
        byte[] buf = new byte[512];
        s.receive(new DatagramPacket(buf, buf.length));
    }
}
