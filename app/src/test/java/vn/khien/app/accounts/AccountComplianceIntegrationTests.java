package vn.khien.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.notify.NotificationService;
import vn.khien.app.notify.NotifySettings;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/**
 * Account findings are compliance findings: they appear (kind ACCOUNT, linked to the account) with scores per
 * ACCOUNT-* rule, take exceptions, resolve when accounts fixes them; and an approved remediation mails the owner
 * through real SMTP (GreenMail), recording the delivery.
 */
@KhienIntegrationTest
class AccountComplianceIntegrationTests {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    NotificationService notifications;

    @Autowired
    vn.khien.app.org.PersonService people;

    String coordinator;
    String binhAn;
    String hoaPhu;
    long system;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.demoProvince();
        Fixtures.asAdmin(() -> notifications.updateSettings(
                new NotifySettings(
                        "127.0.0.1",
                        mail.getSmtp().getPort(),
                        "khien@demo.gov.vn",
                        null,
                        false,
                        15,
                        "https://khien.demo.gov.vn",
                        null,
                        false,
                        false),
                null));
        coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        binhAn = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        hoaPhu = "Bearer " + fixtures.apiKey("X-HP", Role.IT_OFFICER);
        String body = mvc.perform(post("/api/v1/accounts/systems")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Thư Bình An\",\"kind\":\"MAIL\",\"unitId\":"
                                + fixtures.unit("X-BA").id() + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        system = ((Number) JsonPath.read(body, "$.id")).longValue();
        String today = LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String csv = """
                login,email,enabled,last login,admin,mfa
                hanh.nn,hanh.nn@binhan.demo.gov.vn,yes,%1$s,no,no
                dung.hh,dung.hh@binhan.demo.gov.vn,yes,01/01/2025,no,no
                quantri,,yes,%1$s,yes,no
                """.formatted(today);
        mvc.perform(multipart("/api/v1/accounts/systems/" + system + "/import")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", coordinator))
                .andExpect(status().isOk());
    }

    private List<Map<String, Object>> complianceFindings(String who, String rule) throws Exception {
        String json = mvc.perform(get("/api/v1/findings")
                        .header("Authorization", who)
                        .param("rule", rule)
                        .param("status", "OPEN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$");
    }

    private Map<String, Object> score(String unitCode, String rule) throws Exception {
        String json = mvc.perform(get("/api/v1/compliance/scores").header("Authorization", coordinator))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> mine =
                JsonPath.read(json, "$[?(@.unitId == " + fixtures.unit(unitCode).id() + ")].perRule." + rule);
        return mine.get(0);
    }

    @Test
    void accountFindingsAreComplianceFindingsWithScoresAndExceptions() throws Exception {
        List<Map<String, Object>> orphans = complianceFindings(coordinator, "ACCOUNT-ORPHAN");
        assertThat(orphans).hasSize(1);
        Map<String, Object> orphan = orphans.get(0);
        assertThat(orphan.get("subjectKind")).isEqualTo("ACCOUNT");
        assertThat(orphan.get("subjectName")).isEqualTo("quantri@Thư Bình An");
        assertThat(orphan.get("unitId"))
                .isEqualTo(((Number) fixtures.unit("X-BA").id()).intValue());
        assertThat(complianceFindings(coordinator, "ACCOUNT-IDLE"))
                .extracting(f -> f.get("subjectName"))
                .containsExactly("dung.hh@Thư Bình An");
        assertThat(complianceFindings(coordinator, "ACCOUNT-ADMIN-MFA")).hasSize(1);
        // scope: Hòa Phú's officer sees none of Bình An's account findings
        assertThat(complianceFindings(hoaPhu, "ACCOUNT-ORPHAN")).isEmpty();
        assertThat(complianceFindings(binhAn, "ACCOUNT-ORPHAN")).hasSize(1);

        // 3 accounts in Bình An, 1 orphaned: 2 / 3 for the rule, and the province counts the commune's accounts
        assertThat(score("X-BA", "ACCOUNT-ORPHAN"))
                .containsEntry("compliant", 2)
                .containsEntry("total", 3);
        assertThat(score("X-BA", "ACCOUNT-WEAK")).containsEntry("compliant", 3).containsEntry("total", 3);
        assertThat(score("T00", "ACCOUNT-ORPHAN")).containsEntry("compliant", 2).containsEntry("total", 3);

        // the rule pack lists the account rules with the requirement they implement
        String rules = mvc.perform(get("/api/v1/compliance/rules").header("Authorization", coordinator))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(
                        rules, "$[?(@.titleEn == 'Account credentials appear in a leak')].requirements[0]"))
                .containsExactly("D-LEAKS");

        // the finding page links the account
        long findingId = ((Number) orphan.get("id")).longValue();
        var viewer = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                new vn.khien.app.security.KhienPrincipal(
                        1L,
                        null,
                        "dieuphoi",
                        "Điều phối",
                        fixtures.unit("T00").id(),
                        java.util.EnumSet.of(Role.COORDINATOR)),
                null,
                org.springframework.security.core.authority.AuthorityUtils.createAuthorityList(
                        "ROLE_COORDINATOR", "FACTOR_COMPLETE"));
        String page = mvc.perform(get("/findings/" + findingId)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(viewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("/accounts/" + orphan.get("subjectId"));

        // an approved exception makes it count as compliant
        String x = mvc.perform(post("/api/v1/findings/" + findingId + "/exceptions")
                        .header("Authorization", binhAn)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"justification\":\"tài khoản dịch vụ của hệ thống thư\",\"expiresOn\":\""
                                + LocalDate.now().plusMonths(3) + "\"}"))
                .andExpect(status().is2xxSuccessful())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long exceptionId = ((Number) JsonPath.read(x, "$.id")).longValue();
        mvc.perform(post("/api/v1/exceptions/" + exceptionId + "/decision")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approve\":true,\"note\":\"đồng ý\"}"))
                .andExpect(status().is2xxSuccessful());
        assertThat(score("X-BA", "ACCOUNT-ORPHAN"))
                .containsEntry("compliant", 3)
                .containsEntry("total", 3);

        // accounts fixes the idle account (the registry re-audit after a sign-in) → compliance resolves it
        String today = LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        mvc.perform(multipart("/api/v1/accounts/systems/" + system + "/import")
                        .file(new MockMultipartFile(
                                "file",
                                "a.csv",
                                "text/csv",
                                ("login,email,enabled,last login\ndung.hh,dung.hh@binhan.demo.gov.vn,yes," + today
                                                + "\n")
                                        .getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", coordinator))
                .andExpect(status().isOk());
        assertThat(complianceFindings(coordinator, "ACCOUNT-IDLE")).isEmpty();
        String history = mvc.perform(get("/api/v1/findings")
                        .header("Authorization", coordinator)
                        .param("rule", "ACCOUNT-IDLE")
                        .param("status", "RESOLVED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(history, "$[*].subjectName")).containsExactly("dung.hh@Thư Bình An");
    }

    @Test
    void anApprovedRemediationMailsTheOwnerAndRecordsTheDelivery() throws Exception {
        String findings = mvc.perform(get("/api/v1/accounts/findings")
                        .header("Authorization", coordinator)
                        .param("rule", "ACCOUNT-IDLE"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long finding = ((Number) JsonPath.read(findings, "$[0].id")).longValue();
        long account = ((Number) JsonPath.read(findings, "$[0].accountId")).longValue();
        String proposal = mvc.perform(post("/api/v1/accounts/remediations")
                        .header("Authorization", binhAn)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"findingId\":" + finding + ",\"action\":\"DISABLE\",\"reason\":\"lâu không dùng\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(proposal, "$.id")).longValue();
        assertThat(mail.getReceivedMessages()).isEmpty();
        mvc.perform(post("/api/v1/accounts/remediations/" + id + "/approve").header("Authorization", coordinator))
                .andExpect(status().isOk());

        MimeMessage[] got = mail.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(GreenMailUtil.getAddressList(got[0].getAllRecipients())).isEqualTo("dung.hh@binhan.demo.gov.vn");
        assertThat(got[0].getSubject()).contains("dung.hh");
        String notices = mvc.perform(
                        get("/api/v1/accounts/" + account + "/notices").header("Authorization", binhAn))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(notices, "$[*].status")).containsExactly("SENT");
        assertThat(JsonPath.<List<String>>read(notices, "$[*].topic")).containsExactly("REMEDIATION");
        String after = mvc.perform(get("/api/v1/accounts/remediations/" + id).header("Authorization", binhAn))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(after, "$.notificationStatus")).isEqualTo("SENT");
        // Hòa Phú's officer cannot read Bình An's notices
        mvc.perform(get("/api/v1/accounts/" + account + "/notices").header("Authorization", hoaPhu))
                .andExpect(status().isNotFound());
    }

    @Test
    void whenAnOwnerLeavesTheirEnabledAccountIsFlaggedOrphan() throws Exception {
        assertThat(complianceFindings(coordinator, "ACCOUNT-ORPHAN"))
                .extracting(f -> f.get("subjectName"))
                .containsExactly("quantri@Thư Bình An");
        Fixtures.asAdmin(() -> {
            vn.khien.app.org.Person p = people.search(
                            vn.khien.app.platform.UnitScope.province(), null, "hanh.nn@binhan", 1, 0)
                    .get(0);
            return people.update(
                    vn.khien.app.platform.UnitScope.province(),
                    p.id(),
                    new vn.khien.app.org.PersonDraft(
                            p.fullName(), p.position(), p.unitId(), p.email(), p.phone(), false, p.roles()));
        });
        String accountFindings = mvc.perform(get("/api/v1/accounts/findings")
                        .header("Authorization", coordinator)
                        .param("rule", "ACCOUNT-ORPHAN"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(accountFindings, "$[?(@.login == 'hanh.nn')].evidence"))
                .containsExactly("enabled, its owner has left the unit");
        assertThat(complianceFindings(coordinator, "ACCOUNT-ORPHAN"))
                .extracting(f -> f.get("subjectName"))
                .containsExactlyInAnyOrder("quantri@Thư Bình An", "hanh.nn@Thư Bình An");
    }
}
