package vn.khien.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/** Imports through the API: endpoint reports, osquery result logs, and the scope of what each officer sees. */
@KhienIntegrationTest
class InventoryIntegrationTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    String province;
    String binhAn;
    String hoaPhu;

    @BeforeEach
    void demo() {
        fixtures.demoProvince();
        province = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        binhAn = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        hoaPhu = "Bearer " + fixtures.apiKey("X-HP", Role.IT_OFFICER);
    }

    static String report(String hostname, String ip, String extra) {
        String at = Instant.now()
                .minus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        return """
                {"schemaVersion": 1, "collectedAt": "%s", "agent": "test",
                 "host": {"hostname": "%s"},
                 "os": {"name": "Microsoft Windows 11 Pro", "version": "10.0.22631", "build": "22631", "platform": "windows"},
                 "interfaces": [{"name": "Ethernet", "ip": "%s"}]%s}
                """.formatted(at, hostname, ip, extra);
    }

    long submit(String key, String body) throws Exception {
        mvc.perform(post("/api/v1/endpoints/reports")
                        .header("Authorization", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
        String json = mvc.perform(get("/api/v1/endpoints").header("Authorization", province))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return com.jayway.jsonpath.JsonPath.<Number>read(json, "$[-1].id").longValue();
    }

    @Test
    void reportsRegisterUnknownHostsInTheUnitOwningTheirAddressAndOfficersSeeOnlyTheirOwn() throws Exception {
        submit(province, report("XBA-PC01", "10.20.4.40", ""));
        submit(province, report("XHP-PC01", "10.20.5.40", ""));
        mvc.perform(get("/api/v1/endpoints").header("Authorization", binhAn))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].hostname").value("XBA-PC01"))
                .andExpect(jsonPath("$[0].unitId")
                        .value((int) fixtures.unit("X-BA").id()));
        String all = mvc.perform(get("/api/v1/endpoints")
                        .header("Authorization", province)
                        .param("q", "XHP"))
                .andExpect(jsonPath("$.length()").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long hp = com.jayway.jsonpath.JsonPath.<Number>read(all, "$[0].id").longValue();
        mvc.perform(get("/api/v1/endpoints/" + hp).header("Authorization", binhAn))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/endpoints/" + hp).header("Authorization", hoaPhu))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.facts.os.name").value("Microsoft Windows 11 Pro"))
                .andExpect(jsonPath("$.facts.addresses[0].source.input").value("report"));
        // findings of Hòa Phú's machine are invisible to Bình An, visible to Hòa Phú
        mvc.perform(get("/api/v1/findings").header("Authorization", binhAn).param("endpoint", String.valueOf(hp)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/findings").header("Authorization", hoaPhu).param("endpoint", String.valueOf(hp)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()", Matchers.greaterThan(0)));
        mvc.perform(get("/api/v1/findings").header("Authorization", binhAn))
                .andExpect(jsonPath("$[*].unitId", Matchers.everyItem(Matchers.is((int)
                        fixtures.unit("X-BA").id()))));
        // a commune officer cannot move a machine into another commune
        String xba = mvc.perform(get("/api/v1/endpoints").header("Authorization", binhAn))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long ba = com.jayway.jsonpath.JsonPath.<Number>read(xba, "$[0].id").longValue();
        mvc.perform(post("/api/v1/endpoints/" + ba + "/unit")
                        .header("Authorization", binhAn)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":" + fixtures.unit("X-HP").id() + "}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/endpoints/" + ba + "/unit")
                        .header("Authorization", province)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":" + fixtures.unit("X-HP").id() + "}"))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.unitId").value((int) fixtures.unit("X-HP").id()));
    }

    @Test
    void invalidReportsAreRefusedWithEveryProblem() throws Exception {
        mvc.perform(post("/api/v1/endpoints/reports")
                        .header("Authorization", province)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"schemaVersion\": 2, \"host\": {\"hostname\": \"PC\"}, \"patches\": \"KB1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems.length()", Matchers.greaterThan(1)));
    }

    @Test
    void resultLogImportSkipsBadLinesWithTheirNumbersImportsTheRestAndIsIdempotent() throws Exception {
        byte[] log = new ClassPathResource("osquery/khien-results.jsonl").getContentAsByteArray();
        MockMultipartFile file = new MockMultipartFile("file", "khien-results.jsonl", "application/x-ndjson", log);
        mvc.perform(multipart("/api/v1/inventory/imports/osquery").file(file).header("Authorization", province))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.report.read").value(17))
                .andExpect(jsonPath("$.report.accepted").value(13))
                .andExpect(jsonPath("$.report.rejected").value(4))
                .andExpect(jsonPath("$.report.rejections[*].line", Matchers.contains(15, 16, 17, 18)))
                .andExpect(jsonPath("$.endpointsNew", Matchers.greaterThan(0)));
        mvc.perform(multipart("/api/v1/inventory/imports/osquery").file(file).header("Authorization", province))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endpointsNew").value(0))
                .andExpect(jsonPath("$.endpointsChanged").value(0));
        mvc.perform(get("/api/v1/endpoints").header("Authorization", province))
                .andExpect(jsonPath("$.length()", Matchers.greaterThan(0)));
    }

    @Test
    void avConsoleCsvWithAProfile() throws Exception {
        String csv = "Computer Name,IP Address,Real-time protection,Last update,Product version\r\n"
                + "XBA-PC09,10.20.4.9,On,11/20/2026 8:00:00 AM,12.0\r\n";
        MockMultipartFile file = new MockMultipartFile("file", "ksc.csv", "text/csv", csv.getBytes());
        mvc.perform(multipart("/api/v1/inventory/imports/av-csv")
                        .file(file)
                        .param("profile", "no-such-console")
                        .header("Authorization", province))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/inventory/profiles").header("Authorization", province))
                .andExpect(jsonPath("$[*].id", Matchers.hasItems("bkav-endpoint", "kaspersky-security-center")));

        // a coordinator adds a profile for another console; shipped ids are reserved
        String profile = """
                {"id": "vnpt-av", "product": "VNPT AV Console", "delimiter": "auto", "charset": "UTF-8",
                 "timeZone": "Asia/Ho_Chi_Minh", "dateFormats": ["dd/MM/yyyy HH:mm"],
                 "products": {"antivirus": "VNPT Antivirus"},
                 "columns": {"Tên máy": "hostname", "Địa chỉ IP": "ip", "Bảo vệ": "av.running", "Cập nhật": "av.signatureDate"},
                 "values": {"Bảo vệ": {"Bật": "true", "Tắt": "false"}}}
                """;
        mvc.perform(post("/api/v1/inventory/profiles")
                        .header("Authorization", province)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(profile.replace("vnpt-av", "bkav-endpoint")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/inventory/profiles")
                        .header("Authorization", binhAn)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(profile))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/inventory/profiles")
                        .header("Authorization", province)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(profile))
                .andExpect(status().isCreated());
        String vnpt = "Tên máy,Địa chỉ IP,Bảo vệ,Cập nhật,Ghi chú\r\n"
                + "XBA-PC40,10.20.4.40,Bật,20/11/2026 08:00,máy kế toán\r\n";
        MockMultipartFile upload = new MockMultipartFile(
                "file", "vnpt.csv", "text/csv", vnpt.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/inventory/imports/av-csv")
                        .file(upload)
                        .param("profile", "vnpt-av")
                        .header("Authorization", binhAn))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.report.accepted").value(1))
                .andExpect(jsonPath("$.unknownColumns", Matchers.contains("Ghi chú")))
                .andExpect(jsonPath("$.endpointsNew").value(1));
        mvc.perform(get("/api/v1/endpoints").header("Authorization", binhAn).param("q", "XBA-PC40"))
                .andExpect(jsonPath("$[0].securityProducts").value(1));
    }

    @Test
    void pagesRenderForACoordinator() throws Exception {
        submit(province, report("XBA-PC01", "10.20.4.40", ""));
        var coordinator =
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .authentication(
                                org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                                        .authenticated(
                                                new vn.khien.app.security.KhienPrincipal(
                                                        null,
                                                        null,
                                                        "dieuphoi",
                                                        "Điều phối",
                                                        fixtures.unit("T00").id(),
                                                        java.util.Set.of(Role.COORDINATOR)),
                                                null,
                                                org.springframework.security.core.authority.AuthorityUtils
                                                        .createAuthorityList("ROLE_COORDINATOR", "FACTOR_COMPLETE")));
        for (String page : List.of("/inventory/import", "/compliance", "/findings", "/endpoints", "/exceptions")) {
            mvc.perform(get(page).with(coordinator)).andExpect(status().isOk());
        }
        mvc.perform(get("/inventory/import").with(coordinator))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("Truy vấn osquery theo yêu cầu")));
    }

    @Test
    void osqueryTlsPathsAreOnlyTheFiveProtocolEndpoints() throws Exception {
        mvc.perform(get("/api/v1/inventory/osquery-secrets")).andExpect(status().isUnauthorized());
        assertThat(mvc.perform(post("/api/v1/osquery/config").content("{\"node_key\":\"nope\"}"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("\"node_invalid\":true");
    }
}
