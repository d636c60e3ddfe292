package vn.khien.app.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.compliance.ComplianceService;
import vn.khien.app.compliance.Finding;
import vn.khien.app.compliance.FindingFilter;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.KhienPrincipal;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/**
 * Attribution of log lines to inventory endpoints: alerts carry the machine, a state-secret machine seen in logs
 * raises a SECRET-ZONE alert and compliance finding, and recorded real Suricata 7 eve.json goes through the API.
 */
@KhienIntegrationTest
@RecordApplicationEvents
class DetectionEndpointsIntegrationTests {
    static final DateTimeFormatter BIND_TIME = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss.SSS", Locale.ENGLISH)
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DetectionService detection;

    @Autowired
    ComplianceService compliance;

    @Autowired
    ApplicationEvents events;

    String coordinator;

    @BeforeEach
    void province() throws Exception {
        fixtures.demoProvince();
        coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        mvc.perform(post("/api/v1/indicators/import")
                        .header("Authorization", coordinator)
                        .param("feed", "demo-c2")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("c2.evil-demo.test\nevil-example.vn\n198.51.100.23\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(3));
        events.clear();
    }

    /** Registers a machine through an endpoint report and returns its id. */
    long endpoint(String hostname, String ip) throws Exception {
        String at = Instant.now()
                .minus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String body = """
                {"schemaVersion": 1, "collectedAt": "%s", "agent": "test",
                 "host": {"hostname": "%s"},
                 "os": {"name": "Microsoft Windows 11 Pro", "version": "10.0.22631", "build": "22631", "platform": "windows"},
                 "interfaces": [{"name": "Ethernet", "ip": "%s"}]}
                """.formatted(at, hostname, ip);
        mvc.perform(post("/api/v1/endpoints/reports")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
        String json = mvc.perform(get("/api/v1/endpoints")
                        .header("Authorization", coordinator)
                        .param("q", hostname))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return com.jayway.jsonpath.JsonPath.<Number>read(json, "$[0].id").longValue();
    }

    static String bind(String client, String name) {
        return BIND_TIME.format(Instant.now().minus(5, ChronoUnit.MINUTES)) + " queries: info: client @0x7f3a2c01b2a8 "
                + client + "#51234 (" + name + "): query: " + name + " IN A +E(0)K (10.10.0.2)\n";
    }

    void send(String source, String format, String log) throws Exception {
        mvc.perform(post("/api/v1/logs")
                        .header("Authorization", coordinator)
                        .param("format", format)
                        .param("source", source)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(log))
                .andExpect(status().isOk());
    }

    List<Alert> alerts() {
        return Fixtures.asAdmin(() -> detection.alerts(UnitScope.province(), null, null, null, null, 100, 0));
    }

    static Authentication coordinatorLogin(long unitId) {
        KhienPrincipal p =
                new KhienPrincipal(null, null, "t-coordinator", "Người thử", unitId, Set.of(Role.COORDINATOR));
        return UsernamePasswordAuthenticationToken.authenticated(
                p, null, AuthorityUtils.createAuthorityList("FACTOR_COMPLETE", "ROLE_COORDINATOR"));
    }

    @Test
    void alertFromAKnownEndpointsAddressCarriesTheMachineAndItsUnit() throws Exception {
        long pc = endpoint("XBA-KT-PC07", "10.20.4.57");
        send(
                "dns-tinh",
                "bind",
                bind("10.20.4.57", "update.c2.evil-demo.test") + bind("10.20.4.99", "c2.evil-demo.test"));

        List<Alert> alerts = alerts();
        assertThat(alerts).hasSize(2);
        Alert known = alerts.stream()
                .filter(a -> a.sourceIp().equals("10.20.4.57"))
                .findFirst()
                .orElseThrow();
        assertThat(known.endpointId()).isEqualTo(pc);
        assertThat(known.endpointName()).isEqualTo("XBA-KT-PC07");
        assertThat(known.unitId()).isEqualTo(fixtures.unit("X-BA").id());
        Alert unknown = alerts.stream()
                .filter(a -> a.sourceIp().equals("10.20.4.99"))
                .findFirst()
                .orElseThrow();
        assertThat(unknown.endpointId()).isNull();
        assertThat(unknown.unitId()).isEqualTo(fixtures.unit("X-BA").id()); // by the unit's IP range
        assertThat(events.stream(SecretMachineSeen.class)).isEmpty();

        Authentication a = coordinatorLogin(fixtures.unit("T00").id());
        mvc.perform(get("/detection/alerts").with(authentication(a)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/endpoints/" + pc)))
                .andExpect(content().string(Matchers.containsString("XBA-KT-PC07")));
        mvc.perform(get("/detection/alerts/" + known.id()).with(authentication(a)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"/endpoints/" + pc + "\"")));
    }

    @Test
    void theEndpointsUnitWinsOverTheUnitOwningTheAddressRange() throws Exception {
        long pc = endpoint("XHP-LAPTOP-02", "10.20.4.77"); // registered in Bình An by its address
        long hoaPhu = fixtures.unit("X-HP").id();
        mvc.perform(post("/api/v1/endpoints/" + pc + "/unit")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\": " + hoaPhu + "}"))
                .andExpect(status().isOk());
        send("dns-tinh", "bind", bind("10.20.4.77", "c2.evil-demo.test"));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.endpointId()).isEqualTo(pc);
            assertThat(a.unitId()).isEqualTo(hoaPhu);
        });
        assertThat(events.stream(AlertRaised.class)).singleElement().satisfies(e -> assertThat(e.unitId())
                .isEqualTo(hoaPhu));
    }

    @Test
    void anyLineFromAStateSecretMachineRaisesASecretZoneAlertAndComplianceFinding() throws Exception {
        long secret = endpoint("XBA-MAT-01", "10.20.4.60");
        mvc.perform(post("/api/v1/endpoints/" + secret + "/classification")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"zone\": \"ISOLATED_LAN\", \"handlesSecrets\": true, \"server\": false}"))
                .andExpect(status().isOk());
        FindingFilter secretZone = new FindingFilter("SECRET-ZONE", null, "OPEN", null);
        assertThat(Fixtures.asAdmin(() -> compliance.findings(UnitScope.province(), secretZone, 100, 0)))
                .isEmpty();

        // a benign query, no indicator involved: the machine should not be on any network at all
        send("dns-tinh", "bind", bind("10.20.4.60", "www.example.test") + bind("10.20.4.60", "www.example.test"));

        List<Alert> alerts = alerts();
        assertThat(alerts).hasSize(1);
        Alert alert = alerts.get(0);
        assertThat(alert.rule()).isEqualTo("SECRET-ZONE");
        assertThat(alert.severity()).isEqualTo("HIGH");
        assertThat(alert.endpointId()).isEqualTo(secret);
        assertThat(alert.endpointName()).isEqualTo("XBA-MAT-01");
        assertThat(alert.unitId()).isEqualTo(fixtures.unit("X-BA").id());
        assertThat(alert.count()).isEqualTo(2);
        assertThat(events.stream(SecretMachineSeen.class)).singleElement().satisfies(e -> {
            assertThat(e.endpointId()).isEqualTo(secret);
            assertThat(e.sourceIp()).isEqualTo("10.20.4.60");
            assertThat(e.logSource()).isEqualTo("dns-tinh");
        });
        assertThat(events.stream(AlertRaised.class)).anyMatch(e -> e.rule().equals("SECRET-ZONE"));
        assertThat(Fixtures.asAdmin(() -> detection.evidence(UnitScope.province(), alert.id())))
                .singleElement()
                .satisfies(e -> assertThat(e.raw()).contains("10.20.4.60#51234"));

        List<Finding> findings = Fixtures.asAdmin(() -> compliance.findings(UnitScope.province(), secretZone, 100, 0));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.endpointId()).isEqualTo(secret);
            assertThat(f.evidence()).contains("networkLog").contains("dns-tinh (10.20.4.60)");
            assertThat(f.evidence().replace(" ", ""))
                    .contains("\"input\":\"dns-tinh(10.20.4.60)\"")
                    .contains("\"observedAt\":\"" + alert.firstSeen() + "\"");
            assertThat(f.explanationEn()).contains("appears in dns-tinh (10.20.4.60) logs at");
            assertThat(f.explanationVi()).contains("xuất hiện trong nhật ký dns-tinh (10.20.4.60) lúc");
        });

        // seen again: one alert with a higher count, still one finding
        send("dns-tinh", "bind", bind("10.20.4.60", "www.example.test"));
        assertThat(alerts()).singleElement().satisfies(a -> assertThat(a.count())
                .isEqualTo(3));
        assertThat(Fixtures.asAdmin(() -> compliance.findings(UnitScope.province(), secretZone, 100, 0)))
                .hasSize(1);
    }

    @Test
    void aCommuneOfficersUploadRaisesNoSecretZoneEvidenceAgainstAnotherCommunesMachine() throws Exception {
        long other = endpoint("XHP-MAT-01", "10.20.5.60");
        mvc.perform(post("/api/v1/endpoints/" + other + "/classification")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"zone\": \"ISOLATED_LAN\", \"handlesSecrets\": true, \"server\": false}"))
                .andExpect(status().isOk());
        events.clear();
        String binhAn = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        mvc.perform(post("/api/v1/logs")
                        .header("Authorization", binhAn)
                        .param("format", "bind")
                        .param("source", "dns-xa")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(bind("10.20.5.60", "www.example.test")))
                .andExpect(status().isOk());
        assertThat(alerts()).isEmpty();
        assertThat(events.stream(SecretMachineSeen.class)).isEmpty();
        assertThat(Fixtures.asAdmin(() -> compliance.findings(
                        UnitScope.province(), new FindingFilter("SECRET-ZONE", null, "OPEN", null), 100, 0)))
                .isEmpty();
    }

    @Test
    void recordedSuricata7EveJsonThroughTheApiRaisesTheExpectedAlerts() throws Exception {
        byte[] eve = Files.readAllBytes(Path.of("../core/src/test/resources/suricata/eve-suricata7-recorded.json"));
        long sensor = endpoint("XBA-SENSOR-PC", "10.20.30.40");
        mvc.perform(post("/api/v1/logs")
                        .header("Authorization", coordinator)
                        .param("format", "suricata")
                        .param("source", "suricata-tinh")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(eve))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines").value(15))
                .andExpect(jsonPath("$.malformed").value(0))
                .andExpect(jsonPath("$.alertsCreated").value(2));
        List<Alert> alerts = alerts();
        assertThat(alerts)
                .extracting(Alert::indicatorValue)
                .containsExactlyInAnyOrder("evil-example.vn", "198.51.100.23");
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.rule()).isEqualTo("CNC-CONTACT");
            assertThat(a.sourceIp()).isEqualTo("10.20.30.40");
            assertThat(a.endpointId()).isEqualTo(sensor);
            assertThat(a.logSource()).isEqualTo("suricata-tinh");
        });
        Alert c2 = alerts.stream()
                .filter(a -> a.indicatorValue().equals("evil-example.vn"))
                .findFirst()
                .orElseThrow();
        assertThat(c2.observed()).isEqualToIgnoringCase("c2.evil-example.vn");
        assertThat(c2.firstSeen()).isEqualTo(Instant.parse("2025-03-02T07:20:00Z"));
    }
}
