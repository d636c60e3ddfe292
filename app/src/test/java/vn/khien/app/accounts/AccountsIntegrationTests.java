package vn.khien.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.platform.Jobs;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.accounts.NtHash;
import vn.khien.core.org.Role;

/** CSV import, scope isolation, the hash audit that never shows a hash, and a combolist scan with decoys. */
@KhienIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AccountsIntegrationTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Jobs jobs;

    String coordinator;
    String binhAn;
    long binhAnSystem;
    long hoaPhuSystem;

    @BeforeEach
    void demo() throws Exception {
        fixtures.demoProvince();
        coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        binhAn = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        binhAnSystem = system("Thư công vụ Bình An", "X-BA");
        hoaPhuSystem = system("Thư công vụ Hòa Phú", "X-HP");
        importCsv(binhAnSystem, """
                Tên đăng nhập,Email,Hoạt động,Đăng nhập cuối,Quản trị,MFA
                hanh.nn,hanh.nn@binhan.demo.gov.vn,có,%s,không,không
                dung.hh,dung.hh@binhan.demo.gov.vn,có,01/01/2025,không,không
                quantri,,có,%s,có,không
                hong,not-an-email,có,,,
                """.formatted(today(), today()))
                .andExpect(jsonPath("$.report.accepted").value(3))
                .andExpect(jsonPath("$.report.rejected").value(1))
                .andExpect(jsonPath("$.report.rejections[0].line").value(5));
        importCsv(hoaPhuSystem, """
                login,email,enabled
                yen.ht,yen.ht@hoaphu.demo.gov.vn,yes
                """);
    }

    private static String today() {
        return java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private long system(String name, String unit) throws Exception {
        String body = mvc.perform(post("/api/v1/accounts/systems")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"kind\":\"MAIL\",\"unitId\":"
                                + fixtures.unit(unit).id() + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private org.springframework.test.web.servlet.ResultActions importCsv(long system, String csv) throws Exception {
        return mvc.perform(multipart("/api/v1/accounts/systems/" + system + "/import")
                        .file(new MockMultipartFile(
                                "file", "accounts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", coordinator))
                .andExpect(status().isOk());
    }

    @Test
    void csvImportRaisesRegistryFindings() throws Exception {
        String findings = mvc.perform(get("/api/v1/accounts/findings").header("Authorization", coordinator))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> open = JsonPath.read(findings, "$");
        assertThat(open.stream().map(f -> f.get("ruleId") + " " + f.get("login")))
                .contains("ACCOUNT-IDLE dung.hh", "ACCOUNT-ORPHAN quantri", "ACCOUNT-ADMIN-MFA quantri")
                .doesNotContain("ACCOUNT-IDLE hanh.nn", "ACCOUNT-ORPHAN hanh.nn");
    }

    @Test
    void anApprovedChangeOfOwnerResolvesTheOrphanFinding() throws Exception {
        String accountsJson = mvc.perform(
                        get("/api/v1/accounts").header("Authorization", binhAn).param("q", "quantri"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long account = ((Number) JsonPath.read(accountsJson, "$[0].id")).longValue();
        String people = mvc.perform(
                        get("/api/v1/people").header("Authorization", binhAn).param("q", "mai.vt"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long person = ((Number) JsonPath.read(people, "$[0].id")).longValue();
        String request = mvc.perform(post("/api/v1/accounts/requests")
                        .header("Authorization", binhAn)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"CHANGE_OWNER\",\"systemId\":" + binhAnSystem + ",\"accountId\":" + account
                                + ",\"personId\":" + person + ",\"reason\":\"giao cho cán bộ CNTT\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(request, "$.id")).longValue();
        // the officer who asked cannot approve
        mvc.perform(post("/api/v1/accounts/requests/" + id + "/approve").header("Authorization", binhAn))
                .andExpect(status().isForbidden());
        // unit heads approve through the pages (API keys cannot hold UNIT_HEAD); the coordinator through the API
        mvc.perform(post("/api/v1/accounts/requests/" + id + "/approve").header("Authorization", coordinator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(get("/api/v1/accounts/" + account).header("Authorization", binhAn))
                .andExpect(jsonPath("$.ownerPersonId").value((int) person));
        mvc.perform(get("/api/v1/accounts/findings")
                        .header("Authorization", binhAn)
                        .param("rule", "ACCOUNT-ORPHAN"))
                .andExpect(jsonPath("$[*].login", Matchers.not(Matchers.hasItem("quantri"))));
    }

    @Test
    void aCommuneOfficerSeesOnlyTheirCommunesAccountsAndFindings() throws Exception {
        mvc.perform(get("/api/v1/accounts").header("Authorization", binhAn))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[*].unitId", Matchers.everyItem(Matchers.is((int)
                        fixtures.unit("X-BA").id()))));
        String all = mvc.perform(get("/api/v1/accounts")
                        .header("Authorization", coordinator)
                        .param("q", "yen.ht"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long hoaPhuAccount = ((Number) JsonPath.read(all, "$[0].id")).longValue();
        mvc.perform(get("/api/v1/accounts/" + hoaPhuAccount).header("Authorization", binhAn))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/accounts/" + hoaPhuAccount + "/findings").header("Authorization", binhAn))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/accounts")
                        .header("Authorization", binhAn)
                        .param("unit", String.valueOf(fixtures.unit("X-HP").id())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/accounts/findings").header("Authorization", binhAn))
                .andExpect(jsonPath("$[*].login", Matchers.not(Matchers.hasItem("yen.ht"))))
                .andExpect(jsonPath("$[*].unitId", Matchers.everyItem(Matchers.is((int)
                        fixtures.unit("X-BA").id()))));
        mvc.perform(multipart("/api/v1/accounts/systems/" + hoaPhuSystem + "/import")
                        .file(new MockMultipartFile(
                                "file", "a.csv", "text/csv", "login\nintruder\n".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", binhAn))
                .andExpect(status().isNotFound());
    }

    @Test
    void theHashAuditNeverReturnsOrLogsAHash(CapturedOutput output) throws Exception {
        String defaultHash = HexFormat.of().formatHex(NtHash.of("123456"));
        String strongHash = HexFormat.of().formatHex(NtHash.of("Mot#MatKhau-Rat-Manh-42"));
        String export = """
                BINHAN\\hanh.nn:1101:aad3b435b51404eeaad3b435b51404ee:%1$s:::
                BINHAN\\dung.hh:1102:aad3b435b51404eeaad3b435b51404ee:%1$s:::
                BINHAN\\quantri:1103:aad3b435b51404eeaad3b435b51404ee:%2$s:::
                BINHAN\\cut:1104:aad3b435b51404eeaad3b435b51404ee:%3$s
                """.formatted(defaultHash, strongHash, strongHash.substring(0, 20));
        String job = mvc.perform(multipart("/api/v1/accounts/audits/hashes")
                        .file(new MockMultipartFile(
                                "file", "ntds.txt", "text/plain", export.getBytes(StandardCharsets.UTF_8)))
                        .param("format", "NTLM")
                        .param("systemId", String.valueOf(binhAnSystem))
                        .header("Authorization", binhAn))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Jobs.View done = await(JsonPath.read(job, "$.id"));
        assertThat(done.state()).as(String.valueOf(done.message())).isEqualTo(Jobs.State.SUCCEEDED);
        String jobView = mvc.perform(get("/api/v1/jobs/" + done.id()).header("Authorization", binhAn))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String runs = mvc.perform(get("/api/v1/accounts/audits").header("Authorization", binhAn))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("HASHES"))
                .andExpect(jsonPath("$[0].counts.rejected").value(1))
                .andExpect(jsonPath("$[0].counts['ACCOUNT-DEFAULT']").value(2))
                .andExpect(jsonPath("$[0].counts['ACCOUNT-SHARED']").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String findings = mvc.perform(get("/api/v1/accounts/findings").header("Authorization", binhAn))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(findings).contains("ACCOUNT-DEFAULT").contains("ACCOUNT-SHARED");
        for (String shown : List.of(job, jobView, runs, findings, output.getAll())) {
            assertThat(shown.toLowerCase())
                    .doesNotContain(defaultHash)
                    .doesNotContain(strongHash)
                    .doesNotContain(strongHash.substring(0, 20))
                    .doesNotContain("123456");
        }
    }

    @Test
    void combolistScanFindsOnlyTheProvincesAccountsAndTellsIfTheLeakedPasswordIsInUse(CapturedOutput output)
            throws Exception {
        String combo = """
                hanh.nn@binhan.demo.gov.vn:Leaked#Pass1
                Dung.HH@BinhAn.Demo.Gov.Vn;Old#Pass2
                x@nothatinh.gov.vn:whatever
                x@binhan.demo.gov.vn.example.com:p
                someone@gmail.com:binhan.demo.gov.vn
                https://mail.hoaphu.demo.gov.vn:yen.ht@hoaphu.demo.gov.vn:Leaked#Pass3
                """;
        String current = """
                hanh.nn:1101:aad3b435b51404eeaad3b435b51404ee:%s:::
                dung.hh:1102:aad3b435b51404eeaad3b435b51404ee:%s:::
                """.formatted(
                        HexFormat.of().formatHex(NtHash.of("Leaked#Pass1")),
                        HexFormat.of().formatHex(NtHash.of("Changed#Since-9")));
        // a commune officer cannot scan the province's leaks
        mvc.perform(multipart("/api/v1/accounts/audits/combolist")
                        .file(new MockMultipartFile(
                                "file", "combo.txt", "text/plain", combo.getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", binhAn))
                .andExpect(status().isBadRequest());
        String job = mvc.perform(multipart("/api/v1/accounts/audits/combolist")
                        .file(new MockMultipartFile(
                                "file", "combo.txt", "text/plain", combo.getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile(
                                "currentNtlm", "ntds.txt", "text/plain", current.getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", coordinator))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Jobs.View done = await(JsonPath.read(job, "$.id"));
        assertThat(done.state()).as(String.valueOf(done.message())).isEqualTo(Jobs.State.SUCCEEDED);
        mvc.perform(get("/api/v1/accounts/audits").header("Authorization", coordinator))
                .andExpect(jsonPath("$[0].kind").value("COMBOLIST"))
                .andExpect(jsonPath("$[0].counts.hits").value(3))
                .andExpect(jsonPath("$[0].counts['ACCOUNT-LEAKED']").value(3))
                .andExpect(jsonPath("$[0].counts.stillInUse").value(1));
        String findings = mvc.perform(get("/api/v1/accounts/findings")
                        .header("Authorization", coordinator)
                        .param("rule", "ACCOUNT-LEAKED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> leaked = JsonPath.read(findings, "$");
        assertThat(leaked).extracting(f -> f.get("login")).containsExactlyInAnyOrder("hanh.nn", "dung.hh", "yen.ht");
        assertThat(leaked.stream()
                        .filter(f -> f.get("login").equals("hanh.nn"))
                        .findFirst()
                        .orElseThrow()
                        .get("evidence"))
                .asString()
                .contains("STILL IN USE");
        assertThat(leaked.stream()
                        .filter(f -> f.get("login").equals("dung.hh"))
                        .findFirst()
                        .orElseThrow()
                        .get("evidence"))
                .asString()
                .contains("no longer in use");
        for (String shown : List.of(findings, output.getAll())) {
            assertThat(shown)
                    .doesNotContain("Leaked#Pass1")
                    .doesNotContain("Old#Pass2")
                    .doesNotContain("Leaked#Pass3");
        }
        // Bình An's officer sees Bình An's leaks only
        mvc.perform(get("/api/v1/accounts/findings")
                        .header("Authorization", binhAn)
                        .param("rule", "ACCOUNT-LEAKED"))
                .andExpect(jsonPath("$.length()").value(2));
    }

    private Jobs.View await(String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Jobs.View v = jobs.find(UnitScope.province(), id).orElseThrow();
            if (!v.running()) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish");
    }
}
