package vn.khien.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/** Rules evaluated over imported endpoints: findings, the secret rules, exceptions and scores, through the API. */
@KhienIntegrationTest
class ComplianceIntegrationTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    String province;
    String binhAnIt;
    long binhAn;

    @Autowired
    ComplianceService compliance;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    String binhAnStaff;

    @BeforeEach
    void demo() {
        fixtures.demoProvince();
        province = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        binhAnIt = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        binhAn = fixtures.unit("X-BA").id();
        binhAnStaff = "Bearer " + fixtures.apiKey("X-BA", Role.STAFF);
    }

    static final String AV = """
            , "securityProducts": [{"name": "Bkav Endpoint", "kind": "antivirus", "running": true, "enabled": true,
                                    "signaturesUpToDate": true}]""";

    long machine(String hostname, String ip, String zone, boolean secret, String extra) throws Exception {
        String at = Instant.now()
                .minus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String body = """
                {"schemaVersion": 1, "collectedAt": "%s", "agent": "test", "host": {"hostname": "%s"},
                 "os": {"name": "Microsoft Windows 11 Pro", "version": "10.0.22631", "platform": "windows"},
                 "interfaces": [{"name": "Ethernet", "ip": "%s"}]%s}
                """.formatted(at, hostname, ip, extra);
        mvc.perform(post("/api/v1/endpoints/reports")
                        .header("Authorization", province)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
        String list = mvc.perform(get("/api/v1/endpoints")
                        .header("Authorization", province)
                        .param("q", hostname))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = JsonPath.<Number>read(list, "$[0].id").longValue();
        mvc.perform(post("/api/v1/endpoints/" + id + "/classification")
                        .header("Authorization", province)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"zone\":\"" + zone + "\",\"handlesSecrets\":" + secret + ",\"server\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.zone").value(zone));
        return id;
    }

    static String usb(String... serials) {
        StringBuilder sb = new StringBuilder(", \"usbDevices\": [");
        for (int i = 0; i < serials.length; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"vendor\": \"Kingston\", \"model\": \"DT\", \"serial\": \"")
                    .append(serials[i])
                    .append("\"}");
        }
        return sb.append(']').toString();
    }

    List<Map<String, Object>> open(String rule) throws Exception {
        String json = mvc.perform(get("/api/v1/findings")
                        .header("Authorization", province)
                        .param("rule", rule)
                        .param("status", "OPEN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$");
    }

    @Test
    void secretUsbFlagsExactlyTheSerialsSeenOnASecretMachineAndANetworkedOne() throws Exception {
        long secret = machine("XBA-MAT01", "10.20.4.50", "ISOLATED_LAN", true, AV + usb("SHARED-1", "SECRET-ONLY"));
        machine("XBA-MAT02", "10.20.4.53", "ISOLATED_LAN", true, AV + usb("SECRET-ONLY"));
        machine("XBA-PC02", "10.20.4.51", "CPNET", false, AV + usb("SHARED-1", "NET-ONLY"));
        machine("XBA-PC03", "10.20.4.52", "INTERNET", false, AV + usb("NET-ONLY"));

        List<Map<String, Object>> usb = open("SECRET-USB");
        assertThat(usb).hasSize(1);
        assertThat(((Number) usb.get(0).get("endpointId")).longValue()).isEqualTo(secret);
        String text = usb.get(0).get("explanationEn") + " " + usb.get(0).get("evidence");
        assertThat(text).contains("SHARED-1").doesNotContain("SECRET-ONLY").doesNotContain("NET-ONLY");

        // the crossing machine moves the stick no more: after it reports without it, the finding resolves
        machine("XBA-MAT01", "10.20.4.50", "ISOLATED_LAN", true, AV);
        // storage devices are history: a stick once seen stays seen, so the finding stays open
        assertThat(open("SECRET-USB")).hasSize(1);
    }

    @Test
    void secretZoneFlagsASecretMachineThatReachesTheInternet() throws Exception {
        String internet = ", \"internet\": {\"reachable\": true, \"target\": \"www.msftconnecttest.com:80\"}";
        String offline = ", \"internet\": {\"reachable\": false, \"target\": \"www.msftconnecttest.com:80\"}";
        long online = machine("XBA-MAT05", "10.20.4.60", "ISOLATED_LAN", true, AV + internet);
        machine("XBA-MAT06", "10.20.4.61", "ISOLATED_LAN", true, AV + offline);
        machine("XBA-PC07", "10.20.4.62", "INTERNET", false, AV + internet);

        List<Map<String, Object>> zone = open("SECRET-ZONE");
        assertThat(zone).hasSize(1);
        assertThat(((Number) zone.get(0).get("endpointId")).longValue()).isEqualTo(online);

        // cleared condition resolves the finding automatically, with history
        machine("XBA-MAT05", "10.20.4.60", "ISOLATED_LAN", true, AV + offline);
        assertThat(open("SECRET-ZONE")).isEmpty();
        long id = ((Number) zone.get(0).get("id")).longValue();
        mvc.perform(get("/api/v1/findings/" + id).header("Authorization", province))
                .andExpect(jsonPath("$.finding.status").value("RESOLVED"))
                .andExpect(jsonPath("$.history[*].note", Matchers.contains("opened", "resolved")));
    }

    double score(String key, long unit, String rule) throws Exception {
        String json = mvc.perform(get("/api/v1/compliance/scores").header("Authorization", key))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> c = JsonPath.read(json, "$[?(@.unitId == " + unit + ")].perRule." + rule + ".compliant");
        return c.isEmpty() ? -1 : c.get(0).doubleValue();
    }

    @Test
    void anApprovedExceptionStopsAFindingCountingAgainstTheUnit() throws Exception {
        long unit = fixtures.unit("X-BA").id();
        machine("XBA-PC20", "10.20.4.70", "CPNET", false, AV);
        long bare = machine("XBA-PC21", "10.20.4.71", "CPNET", false, "");
        List<Map<String, Object>> av = open("AV-PRESENT");
        assertThat(av).hasSize(1);
        assertThat(((Number) av.get(0).get("endpointId")).longValue()).isEqualTo(bare);
        long finding = ((Number) av.get(0).get("id")).longValue();
        assertThat(score(binhAnIt, unit, "AV-PRESENT")).isEqualTo(1.0);

        String body = "{\"justification\":\"Máy chờ thanh lý, đã rút cáp mạng\",\"expiresOn\":\""
                + LocalDate.now().plusMonths(3) + "\"}";
        String created = mvc.perform(post("/api/v1/findings/" + finding + "/exceptions")
                        .header("Authorization", binhAnIt)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REQUESTED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long exception = JsonPath.<Number>read(created, "$.id").longValue();
        // requested is not yet approved: still counts
        assertThat(score(binhAnIt, unit, "AV-PRESENT")).isEqualTo(1.0);
        mvc.perform(post("/api/v1/exceptions/" + exception + "/decision")
                        .header("Authorization", binhAnStaff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approve\":true}"))
                .andExpect(status().isForbidden());
        // Hòa Phú's unit head cannot decide on Bình An's exception
        assertThatThrownBy(() -> asUnitHead(() -> compliance.decideException(
                        UnitScope.of(Set.of(fixtures.unit("X-HP").id())), exception, false, null)))
                .isInstanceOf(ComplianceException.class);
        ExceptionRequest approved = asUnitHead(() ->
                compliance.decideException(UnitScope.of(Set.of(binhAn)), exception, true, "Đồng ý đến khi thanh lý"));
        assertThat(approved.status()).isEqualTo("APPROVED");
        assertThat(approved.active()).isTrue();
        assertThat(approved.decidedBy()).isEqualTo("truong.binhan");
        assertThat(score(binhAnIt, unit, "AV-PRESENT")).isEqualTo(2.0);
        mvc.perform(get("/api/v1/findings/" + finding).header("Authorization", binhAnIt))
                .andExpect(jsonPath("$.finding.exempted").value(true));
        // an expired exception stops counting at the next evaluation (nightly, or after any import)
        jdbc.sql("update compliance_exception set expires_on = current_date - 1 where id = :id")
                .param("id", exception)
                .update();
        Fixtures.asAdmin(() -> compliance.evaluate("test"));
        assertThat(score(binhAnIt, unit, "AV-PRESENT")).isEqualTo(1.0);
        mvc.perform(get("/api/v1/findings/" + finding).header("Authorization", binhAnIt))
                .andExpect(jsonPath("$.finding.exempted").value(false))
                .andExpect(jsonPath("$.exceptions[0].active").value(false));

        // Hòa Phú's officer sees neither the finding nor the exception
        String hoaPhu = "Bearer " + fixtures.apiKey("X-HP", Role.IT_OFFICER);
        mvc.perform(get("/api/v1/findings/" + finding).header("Authorization", hoaPhu))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/exceptions").header("Authorization", hoaPhu))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void findingsAndEndpointsExportAsXlsxWithinScope() throws Exception {
        machine("XBA-PC30", "10.20.4.80", "CPNET", false, "");
        machine("XHP-PC30", "10.20.5.80", "CPNET", false, "");
        var officer =
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .authentication(UsernamePasswordAuthenticationToken.authenticated(
                        new vn.khien.app.security.KhienPrincipal(
                                null, null, "cntt.binhan", "Cán bộ CNTT", binhAn, Set.of(Role.IT_OFFICER)),
                        null,
                        AuthorityUtils.createAuthorityList("ROLE_IT_OFFICER", "FACTOR_COMPLETE")));
        for (String path : List.of("/findings.xlsx", "/endpoints.xlsx")) {
            byte[] xlsx = mvc.perform(get(path).with(officer))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
                var sheet = wb.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isNotBlank();
                StringBuilder all = new StringBuilder();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    sheet.getRow(r).forEach(c -> all.append(c.toString()).append(' '));
                }
                assertThat(all.toString()).contains("XBA-PC30").doesNotContain("XHP-PC30");
            }
        }
    }

    static <T> T asUnitHead(java.util.function.Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "truong.binhan", null, AuthorityUtils.createAuthorityList("ROLE_UNIT_HEAD", "FACTOR_COMPLETE")));
        SecurityContextHolder.setContext(ctx);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
