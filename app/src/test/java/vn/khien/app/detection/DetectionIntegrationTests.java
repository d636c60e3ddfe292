package vn.khien.app.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/** Logs in, alerts out: attribution to units, one alert per (machine, indicator), scope, webmail policy. */
@KhienIntegrationTest
@RecordApplicationEvents
class DetectionIntegrationTests {
    static final String INDICATORS = """
            # demo C&C list
            c2.evil-demo.test
            203.0.113.66
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DetectionService detection;

    @Autowired
    ApplicationEvents raised;

    String coordinator;

    @BeforeEach
    void province() throws Exception {
        fixtures.demoProvince();
        coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        raised.clear();
        mvc.perform(post("/api/v1/indicators/import")
                        .header("Authorization", coordinator)
                        .param("feed", "demo-c2")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(INDICATORS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.inserted").value(2));
        // the seeded webmail list is emptied with every table before each test; the list is editable anyway
        mvc.perform(post("/api/v1/webmail-domains")
                        .header("Authorization", coordinator)
                        .param("domain", "mail.google.com"))
                .andExpect(status().isCreated());
    }

    static String bind(String client, String name) {
        return "22-Nov-2026 09:15:01.004 queries: info: client @0x7f3a2c01b2a8 " + client + "#51234 (" + name
                + "): query: " + name + " IN A +E(0)K (10.10.0.2)\n";
    }

    static String log() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(bind("10.20.4.57", "www.example.test"));
            sb.append(bind("10.20.4.57", "update" + i + ".C2.evil-demo.test."));
        }
        sb.append(bind("10.20.5.9", "c2.evil-demo.test"));
        sb.append(bind("10.20.5.9", "notc2.evil-demo.test.example.net"));
        sb.append(bind("10.20.4.58", "mail.google.com"));
        sb.append("this is not a bind line\n");
        return sb.toString();
    }

    @Test
    void attributesAlertsToUnitsOncePerMachineAndIndicator() throws Exception {
        mvc.perform(post("/api/v1/logs")
                        .header("Authorization", coordinator)
                        .param("format", "bind")
                        .param("source", "dns-tinh")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(log()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines").value(14))
                .andExpect(jsonPath("$.malformed").value(1))
                .andExpect(jsonPath("$.matched").value(7))
                .andExpect(jsonPath("$.rejections[0]").value(Matchers.startsWith("line 14")))
                .andExpect(jsonPath("$.alertsCreated").value(3));
        long binhAn = fixtures.unit("X-BA").id();
        long hoaPhu = fixtures.unit("X-HP").id();
        List<Alert> alerts =
                Fixtures.asAdmin(() -> detection.alerts(UnitScope.province(), null, null, null, null, 100, 0));
        assertThat(alerts).hasSize(3);
        Alert ba = alerts.stream()
                .filter(a -> a.sourceIp().equals("10.20.4.57"))
                .findFirst()
                .orElseThrow();
        assertThat(ba.unitId()).isEqualTo(binhAn);
        assertThat(ba.count()).isEqualTo(5);
        assertThat(ba.indicatorValue()).isEqualTo("c2.evil-demo.test");
        assertThat(ba.feed()).isEqualTo("demo-c2");
        assertThat(ba.rule()).isEqualTo("CNC-CONTACT");
        Alert hp = alerts.stream()
                .filter(a -> a.sourceIp().equals("10.20.5.9"))
                .findFirst()
                .orElseThrow();
        assertThat(hp.unitId()).isEqualTo(hoaPhu);
        assertThat(hp.count()).isEqualTo(1);
        Alert webmail = alerts.stream()
                .filter(a -> a.rule().equals("WEBMAIL"))
                .findFirst()
                .orElseThrow();
        assertThat(webmail.sourceIp()).isEqualTo("10.20.4.58");
        assertThat(webmail.unitId()).isEqualTo(binhAn);
        assertThat(raised.stream(AlertRaised.class)).hasSize(3);

        // resolved, then seen again: the machine is re-infected, the alert reopens
        mvc.perform(post("/api/v1/alerts/" + ba.id() + "/status")
                        .header("Authorization", coordinator)
                        .param("status", "RESOLVED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RESOLVED"));

        // the same log again: no new alert, counts doubled, evidence bounded
        mvc.perform(post("/api/v1/logs")
                        .header("Authorization", coordinator)
                        .param("format", "auto")
                        .param("source", "dns-tinh")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(log()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("BIND"))
                .andExpect(jsonPath("$.alertsCreated").value(0))
                .andExpect(jsonPath("$.alertsUpdated").value(3));
        Alert again = Fixtures.asAdmin(() -> detection.alert(UnitScope.province(), ba.id()));
        assertThat(again.count()).isEqualTo(10);
        assertThat(again.status()).isEqualTo("OPEN");
        assertThat(Fixtures.asAdmin(() -> detection.evidence(UnitScope.province(), ba.id())))
                .hasSize(10)
                .allSatisfy(e -> assertThat(e.raw()).contains("evil-demo.test"));
        assertThat(raised.stream(AlertRaised.class)).hasSize(3);
        mvc.perform(get("/api/v1/log-sources").header("Authorization", coordinator))
                .andExpect(jsonPath("$[0].name").value("dns-tinh"))
                .andExpect(jsonPath("$[0].lines").value(28))
                .andExpect(jsonPath("$[0].malformed").value(2))
                .andExpect(jsonPath("$[0].matched").value(14));
    }

    @Test
    void acceptsGzipAndNdjson() throws Exception {
        StringBuilder nd = new StringBuilder();
        for (String line : log().split("\n")) {
            nd.append("{\"host\":\"ns1\",\"message\":\"")
                    .append(line.replace("\"", "\\\""))
                    .append("\"}\n");
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(nd.toString().getBytes(StandardCharsets.UTF_8));
        }
        mvc.perform(post("/api/v1/logs")
                        .header("Authorization", coordinator)
                        .header("Content-Encoding", "gzip")
                        .param("format", "bind")
                        .param("source", "shipper")
                        .contentType("application/x-ndjson")
                        .content(gz.toByteArray()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines").value(14))
                .andExpect(jsonPath("$.alertsCreated").value(3));
    }

    @Test
    void communeOfficerSeesOnlyTheirOwnAlerts() throws Exception {
        mvc.perform(post("/api/v1/logs")
                        .header("Authorization", coordinator)
                        .param("format", "bind")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(log()))
                .andExpect(status().isOk());
        String binhAnKey = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        long hoaPhu = fixtures.unit("X-HP").id();
        mvc.perform(get("/api/v1/alerts").header("Authorization", binhAnKey))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[*].sourceIp", Matchers.everyItem(Matchers.startsWith("10.20.4."))));
        long hoaPhuAlert = Fixtures.asAdmin(
                        () -> detection.alerts(UnitScope.province(), hoaPhu, null, null, null, 10, 0))
                .get(0)
                .id();
        mvc.perform(get("/api/v1/alerts/" + hoaPhuAlert).header("Authorization", binhAnKey))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/alerts/" + hoaPhuAlert + "/evidence").header("Authorization", binhAnKey))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/alerts/" + hoaPhuAlert + "/status")
                        .header("Authorization", binhAnKey)
                        .param("status", "RESOLVED"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/alerts").header("Authorization", binhAnKey).param("unit", String.valueOf(hoaPhu)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/alerts").header("Authorization", coordinator))
                .andExpect(jsonPath("$.length()").value(3));
    }

    @Test
    void communeOfficerUploadRaisesAlertsOnlyForTheirCommune() throws Exception {
        String binhAnKey = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        mvc.perform(post("/api/v1/logs")
                        .header("Authorization", binhAnKey)
                        .param("format", "bind")
                        .param("source", "ba-dns")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(log()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alertsCreated").value(2));
        assertThat(Fixtures.asAdmin(() -> detection.alerts(UnitScope.province(), null, null, null, null, 100, 0)))
                .extracting(Alert::sourceIp)
                .containsExactlyInAnyOrder("10.20.4.57", "10.20.4.58");
    }

    @Test
    void revokedIndicatorStopsMatching() throws Exception {
        long id = Fixtures.asAdmin(() -> detection.alerts(UnitScope.province(), null, null, null, null, 1, 0))
                .size();
        assertThat(id).isZero();
        String body = mvc.perform(get("/api/v1/indicators")
                        .header("Authorization", coordinator)
                        .param("q", "evil-demo"))
                .andExpect(jsonPath("$.length()").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long indicatorId = Long.parseLong(body.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/indicators/" + indicatorId + "/revoke").header("Authorization", coordinator))
                .andExpect(jsonPath("$.revoked").value(true));
        mvc.perform(post("/api/v1/logs")
                        .header("Authorization", coordinator)
                        .param("format", "bind")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(log()))
                .andExpect(jsonPath("$.alertsCreated").value(1)); // only the webmail rule is left
    }

    @Test
    void refusesAFormEncodedBodyWithAHint() throws Exception {
        mvc.perform(post("/api/v1/logs")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(log()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("--data-binary")));
    }

    @Test
    void refusesAnUnknownFormat() throws Exception {
        mvc.perform(post("/api/v1/logs")
                        .header("Authorization", coordinator)
                        .param("format", "nonsense")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("x\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("unknown log format")));
    }
}
