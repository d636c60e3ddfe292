package vn.khien.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.platform.Jobs;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/**
 * Against a real OpenLDAP slapd: sync, the findings of default, weak, shared, idle, orphaned and admin
 * accounts, and an approved lock that really locks the account (the entry shows it and a bind fails).
 */
@KhienIntegrationTest
class DirectorySyncIntegrationTests {
    private static final DateTimeFormatter GT =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String PEOPLE = "ou=people," + Slapd.SUFFIX;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Jobs jobs;

    @Autowired
    vn.khien.app.notify.NotificationService notifications;

    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension mail = new com.icegreen.greenmail.junit5.GreenMailExtension(
            com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());

    Slapd slapd;
    String coordinator;

    @BeforeEach
    void start() throws Exception {
        if (!Slapd.installed()) {
            Assumptions.assumeTrue(System.getenv("CI") == null, "slapd missing");
            throw new IllegalStateException("CI must install slapd and ldap-utils");
        }
        fixtures.demoProvince();
        coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        String recent = GT.format(Instant.now().minus(2, ChronoUnit.DAYS));
        String old = GT.format(Instant.now().minus(400, ChronoUnit.DAYS));
        String created = "20240101000000Z";
        StringBuilder ldif = new StringBuilder("""
                dn: %s
                objectClass: organizationalUnit
                ou: people

                """.formatted(PEOPLE));
        user(ldif, "an.lm", "an.lm@demo.gov.vn", Slapd.ssha("Abc@123"), created, recent);
        user(ldif, "trung.hd", "trung.hd@demo.gov.vn", Slapd.ssha("qwertyuiop"), created, recent);
        user(ldif, "dung.dv", "dung.dv@demo.gov.vn", Slapd.sha("Khien#Chung-2026!x"), created, recent);
        user(ldif, "phuc.vh", "phuc.vh@binhan.demo.gov.vn", Slapd.sha("Khien#Chung-2026!x"), created, recent);
        user(ldif, "mai.vt", "mai.vt@binhan.demo.gov.vn", Slapd.ssha("Rieng#Mai-7731"), created, old);
        user(ldif, "hung.nv", "hung.nv@snv.demo.gov.vn", Slapd.ssha("Rieng#Hung-5521"), created, recent);
        user(ldif, "nobody", "nobody@demo.gov.vn", Slapd.ssha("Rieng#Nobody-9912"), created, recent);
        user(ldif, "root.admin", "yen.ht@hoaphu.demo.gov.vn", Slapd.ssha("Rieng#Root-4410"), created, recent);
        ldif.append("""
                dn: cn=admins,%1$s
                objectClass: groupOfNames
                cn: admins
                member: uid=root.admin,%1$s

                """.formatted(PEOPLE));
        slapd = Slapd.start(ldif.toString());
    }

    private static void user(
            StringBuilder ldif, String uid, String mail, String password, String created, String lastBind) {
        ldif.append("""
                dn: uid=%1$s,%2$s
                objectClass: inetOrgPerson
                uid: %1$s
                cn: %1$s
                sn: %1$s
                mail: %3$s
                userPassword: %4$s
                createTimestamp: %5$s
                pwdLastSuccess: %6$s

                """.formatted(uid, PEOPLE, mail, password, created, lastBind));
    }

    @AfterEach
    void stop() throws Exception {
        if (slapd != null) {
            slapd.close();
        }
    }

    @Test
    void syncFindsTheBadAccountsAndAnApprovedLockReallyLocksInSlapd() throws Exception {
        long t00 = fixtures.unit("T00").id();
        String system = mvc.perform(post("/api/v1/accounts/systems")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"LDAP tỉnh\",\"kind\":\"LDAP\",\"unitId\":" + t00 + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long systemId = ((Number) JsonPath.read(system, "$.id")).longValue();
        String body = """
                {"kind":"OPENLDAP","url":"%s","baseDn":"%s","bindDn":"%s","bindPassword":"%s",
                 "adminGroup":"admins","auditPasswords":true,"syncEveryHours":24}
                """.formatted(slapd.url(), Slapd.SUFFIX, Slapd.ROOT_DN, Slapd.ROOT_PW);
        String conn = mvc.perform(post("/api/v1/accounts/systems/" + systemId + "/connections")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(conn).doesNotContain(Slapd.ROOT_PW).doesNotContain("bindPassword");
        long connectionId = ((Number) JsonPath.read(conn, "$.id")).longValue();
        String listed = mvc.perform(get("/api/v1/accounts/connections").header("Authorization", coordinator))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(listed).doesNotContain(Slapd.ROOT_PW);

        String job = mvc.perform(post("/api/v1/accounts/connections/" + connectionId + "/sync")
                        .header("Authorization", coordinator))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Jobs.View done = await(JsonPath.read(job, "$.id"));
        assertThat(done.state()).as(String.valueOf(done.message())).isEqualTo(Jobs.State.SUCCEEDED);

        String findings = mvc.perform(get("/api/v1/accounts/findings").header("Authorization", coordinator))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> open = JsonPath.read(findings, "$");
        List<String> pairs =
                open.stream().map(f -> f.get("ruleId") + " " + f.get("login")).toList();
        assertThat(pairs)
                .contains(
                        "ACCOUNT-DEFAULT an.lm",
                        "ACCOUNT-WEAK trung.hd",
                        "ACCOUNT-SHARED dung.dv",
                        "ACCOUNT-SHARED phuc.vh",
                        "ACCOUNT-IDLE mai.vt",
                        "ACCOUNT-ORPHAN hung.nv",
                        "ACCOUNT-ORPHAN nobody",
                        "ACCOUNT-ADMIN-MFA root.admin")
                .doesNotContain("ACCOUNT-IDLE an.lm", "ACCOUNT-ORPHAN an.lm", "ACCOUNT-ADMIN-MFA an.lm");
        assertThat(findings).doesNotContain("{SSHA}").doesNotContain("{SHA}").doesNotContain("Abc@123");

        // accounts land in their owners' units: Bình An's officer sees phuc.vh but not an.lm
        String binhAn = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        String seen = mvc.perform(get("/api/v1/accounts").header("Authorization", binhAn))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(seen, "$[*].login"))
                .contains("phuc.vh", "mai.vt")
                .doesNotContain("an.lm");

        long defaultFinding = open.stream()
                .filter(f -> f.get("ruleId").equals("ACCOUNT-DEFAULT")
                        && f.get("login").equals("an.lm"))
                .map(f -> ((Number) f.get("id")).longValue())
                .findFirst()
                .orElseThrow();
        String proposal = mvc.perform(post("/api/v1/accounts/remediations")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"findingId\":" + defaultFinding
                                + ",\"action\":\"LOCK\",\"reason\":\"mật khẩu mặc định\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(proposal, "$.status")).isEqualTo("PROPOSED");
        assertThat((String) JsonPath.read(proposal, "$.dryRun"))
                .contains("pwdAccountLockedTime")
                .contains("000001010000Z");
        long proposalId = ((Number) JsonPath.read(proposal, "$.id")).longValue();

        // nothing changed by the dry run
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", slapd.port, "uid=an.lm," + PEOPLE, "Abc@123")) {
            assertThat(c.isConnected()).isTrue();
        }
        // an IT officer may not approve
        mvc.perform(post("/api/v1/accounts/remediations/" + proposalId + "/approve")
                        .header("Authorization", binhAn))
                .andExpect(status().is4xxClientError());

        String approved = mvc.perform(post("/api/v1/accounts/remediations/" + proposalId + "/approve")
                        .header("Authorization", coordinator))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(approved, "$.status")).isEqualTo("VERIFIED");
        assertThat((Boolean) JsonPath.read(approved, "$.notificationDue")).isTrue();

        try (LDAPConnection admin = new LDAPConnection("127.0.0.1", slapd.port, Slapd.ROOT_DN, Slapd.ROOT_PW)) {
            SearchResultEntry e = admin.getEntry("uid=an.lm," + PEOPLE, "pwdAccountLockedTime");
            assertThat(e.getAttributeValue("pwdAccountLockedTime")).isEqualTo("000001010000Z");
        }
        assertThatThrownBy(() -> new LDAPConnection("127.0.0.1", slapd.port, "uid=an.lm," + PEOPLE, "Abc@123").close())
                .isInstanceOf(LDAPException.class)
                .satisfies(
                        e -> assertThat(((LDAPException) e).getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
        // the others still sign in
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", slapd.port, "uid=trung.hd," + PEOPLE, "qwertyuiop")) {
            assertThat(c.isConnected()).isTrue();
        }

        String account = mvc.perform(get("/api/v1/accounts")
                        .header("Authorization", coordinator)
                        .param("q", "an.lm"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((Boolean) JsonPath.read(account, "$[0].locked")).isTrue();
        assertThat((Boolean) JsonPath.read(account, "$[0].enabled")).isFalse();
    }

    @Test
    void anApprovedIssueCreatesTheEntryThatSyncsBackAndAnApprovedRevokeLocksIt() throws Exception {
        Fixtures.asAdmin(() -> notifications.updateSettings(
                new vn.khien.app.notify.NotifySettings(
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
        long systemId = connectAndSync();
        // an.lm's default password is a new finding: the owner is told, without the password
        assertThat(mail.getReceivedMessages())
                .anySatisfy(m -> assertThat(m.getSubject()).contains("an.lm"))
                .allSatisfy(m -> assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(m))
                        .doesNotContain("Abc@123"));
        int before = mail.getReceivedMessages().length;

        String people = mvc.perform(get("/api/v1/people")
                        .header("Authorization", coordinator)
                        .param("q", "linh.dt"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long person = ((Number) JsonPath.read(people, "$[0].id")).longValue();
        String request = mvc.perform(post("/api/v1/accounts/requests")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ISSUE\",\"systemId\":" + systemId + ",\"login\":\"linh.dt\",\"personId\":"
                                + person + ",\"reason\":\"cán bộ mới\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long requestId = ((Number) JsonPath.read(request, "$.id")).longValue();
        String approved = mvc.perform(post("/api/v1/accounts/requests/" + requestId + "/approve")
                        .header("Authorization", coordinator))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(approved, "$.outcome")).as(approved).isEqualTo("VERIFIED");
        assertThat((String) JsonPath.read(approved, "$.dryRun")).contains("uid=linh.dt," + PEOPLE);
        assertThat(approved).doesNotContain("Kh#");

        // the owner got the one-time password by mail; the entry must change it
        var issued = java.util.Arrays.stream(mail.getReceivedMessages())
                .skip(before)
                .filter(m -> {
                    try {
                        return m.getSubject().contains("linh.dt");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow();
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(issued);
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(Kh#[A-Za-z0-9]{14})").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        try (LDAPConnection admin = new LDAPConnection("127.0.0.1", slapd.port, Slapd.ROOT_DN, Slapd.ROOT_PW)) {
            SearchResultEntry e = admin.getEntry("uid=linh.dt," + PEOPLE, "pwdReset", "mail", "userPassword");
            assertThat(e).isNotNull();
            assertThat(e.getAttributeValue("pwdReset")).isEqualTo("TRUE");
            assertThat(e.getAttributeValue("userPassword")).startsWith("{SSHA}");
        }
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", slapd.port, "uid=linh.dt," + PEOPLE, m.group(1))) {
            assertThat(c.isConnected()).isTrue();
        }

        // a sync reads it back as the same registry account
        long connectionId = ((Number) JsonPath.read(
                        mvc.perform(get("/api/v1/accounts/connections").header("Authorization", coordinator))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$[0].id"))
                .longValue();
        Jobs.View done = await(JsonPath.read(
                mvc.perform(post("/api/v1/accounts/connections/" + connectionId + "/sync")
                                .header("Authorization", coordinator))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id"));
        assertThat(done.state()).isEqualTo(Jobs.State.SUCCEEDED);
        String listed = mvc.perform(get("/api/v1/accounts")
                        .header("Authorization", coordinator)
                        .param("q", "linh.dt"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Object>>read(listed, "$")).hasSize(1);
        long accountId = ((Number) JsonPath.read(listed, "$[0].id")).longValue();
        assertThat((String) JsonPath.read(listed, "$[0].dn")).isEqualTo("uid=linh.dt," + PEOPLE);

        // revoke: approved, the entry is locked and the registry shows it
        String revoke = mvc.perform(post("/api/v1/accounts/requests")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"REVOKE\",\"systemId\":" + systemId + ",\"accountId\":" + accountId
                                + ",\"reason\":\"nghỉ việc\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String revoked = mvc.perform(post("/api/v1/accounts/requests/"
                                + ((Number) JsonPath.read(revoke, "$.id")).longValue() + "/approve")
                        .header("Authorization", coordinator))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(revoked, "$.outcome")).as(revoked).isEqualTo("VERIFIED");
        try (LDAPConnection admin = new LDAPConnection("127.0.0.1", slapd.port, Slapd.ROOT_DN, Slapd.ROOT_PW)) {
            assertThat(admin.getEntry("uid=linh.dt," + PEOPLE, "pwdAccountLockedTime")
                            .getAttributeValue("pwdAccountLockedTime"))
                    .isEqualTo("000001010000Z");
        }
    }

    private long connectAndSync() throws Exception {
        long t00 = fixtures.unit("T00").id();
        String system = mvc.perform(post("/api/v1/accounts/systems")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"LDAP tỉnh\",\"kind\":\"LDAP\",\"unitId\":" + t00 + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long systemId = ((Number) JsonPath.read(system, "$.id")).longValue();
        String body = """
                {"kind":"OPENLDAP","url":"%s","baseDn":"%s","bindDn":"%s","bindPassword":"%s",
                 "adminGroup":"admins","auditPasswords":true}
                """.formatted(slapd.url(), Slapd.SUFFIX, Slapd.ROOT_DN, Slapd.ROOT_PW);
        String conn = mvc.perform(post("/api/v1/accounts/systems/" + systemId + "/connections")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long connectionId = ((Number) JsonPath.read(conn, "$.id")).longValue();
        String job = mvc.perform(post("/api/v1/accounts/connections/" + connectionId + "/sync")
                        .header("Authorization", coordinator))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Jobs.View done = await(JsonPath.read(job, "$.id"));
        assertThat(done.state()).as(String.valueOf(done.message())).isEqualTo(Jobs.State.SUCCEEDED);
        return systemId;
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
