package vn.khien.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.unboundid.ldap.sdk.LDAPConnection;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * The Active Directory connector (DirectoryKind AD) against slapd with a tiny test-only schema holding the AD
 * attributes we use ({@code src/test/resources/ldap/ad-emulation.schema}). This checks OUR attribute handling —
 * FILETIME {@code lastLogonTimestamp}/{@code pwdLastSet}, the {@code userAccountControl} disable bit, sAMAccountName
 * logins, Domain Admins membership, AD-style creation — not Active Directory itself (no real AD is available here:
 * its password rules, replication of lastLogonTimestamp and LDAPS-only unicodePwd are out of reach).
 */
@KhienIntegrationTest
class ActiveDirectoryEmulationIntegrationTests {
    private static final String USERS = "ou=users," + Slapd.SUFFIX;
    private static final long FILETIME_EPOCH_OFFSET_MS = 11_644_473_600_000L;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Jobs jobs;

    Slapd slapd;
    String coordinator;
    Instant recent;

    static long fileTime(Instant i) {
        return (i.toEpochMilli() + FILETIME_EPOCH_OFFSET_MS) * 10_000;
    }

    @BeforeEach
    void start() throws Exception {
        if (!Slapd.installed()) {
            Assumptions.assumeTrue(System.getenv("CI") == null, "slapd missing");
            throw new IllegalStateException("CI must install slapd and ldap-utils");
        }
        fixtures.demoProvince();
        coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        recent = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant old = Instant.now().minus(400, ChronoUnit.DAYS);
        StringBuilder ldif = new StringBuilder("""
                dn: %s
                objectClass: organizationalUnit
                ou: users

                """.formatted(USERS));
        user(ldif, "Lê Minh An", "an.lm", "an.lm@demo.gov.vn", 512, recent);
        user(ldif, "Võ Thu Mai", "mai.vt", "mai.vt@binhan.demo.gov.vn", 512, old);
        user(ldif, "Hồ Đức Trung", "trung.hd", "trung.hd@demo.gov.vn", 514, recent);
        user(ldif, "Quản trị miền", "domain.admin", "dung.dv@demo.gov.vn", 66048, recent);
        ldif.append("""
                dn: CN=Domain Admins,%1$s
                objectClass: group
                cn: Domain Admins
                objectCategory: group
                member: CN=Quản trị miền,%1$s

                """.formatted(USERS));
        String schema;
        try (InputStream in = getClass().getResourceAsStream("/ldap/ad-emulation.schema")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        slapd = Slapd.start(ldif.toString(), schema);
    }

    private static void user(StringBuilder ldif, String cn, String sam, String mail, int uac, Instant lastLogon) {
        ldif.append("""
                dn: CN=%1$s,%2$s
                objectClass: user
                cn: %1$s
                sn: %3$s
                sAMAccountName: %3$s
                mail: %4$s
                objectCategory: person
                userAccountControl: %5$d
                lastLogonTimestamp: %6$d
                pwdLastSet: %7$d
                whenCreated: 20240101000000Z

                """.formatted(
                cn, USERS, sam, mail, uac, fileTime(lastLogon), fileTime(Instant.parse("2026-01-15T00:00:00Z"))));
    }

    @AfterEach
    void stop() throws Exception {
        if (slapd != null) {
            slapd.close();
        }
    }

    @Test
    void syncReadsFileTimesAndTheDisableBitAndAnApprovedDisableSetsIt() throws Exception {
        String system = mvc.perform(post("/api/v1/accounts/systems")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"AD tỉnh\",\"kind\":\"AD\",\"unitId\":"
                                + fixtures.unit("T00").id() + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long systemId = ((Number) JsonPath.read(system, "$.id")).longValue();
        String conn = mvc.perform(post("/api/v1/accounts/systems/" + systemId + "/connections")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"AD","url":"%s","baseDn":"%s","bindDn":"%s","bindPassword":"%s","auditPasswords":false}
                                """.formatted(slapd.url(), Slapd.SUFFIX, Slapd.ROOT_DN, Slapd.ROOT_PW)))
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

        String listed = mvc.perform(get("/api/v1/accounts").header("Authorization", coordinator))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> accounts = JsonPath.read(listed, "$");
        assertThat(accounts)
                .extracting(a -> a.get("login"))
                .containsExactlyInAnyOrder("an.lm", "mai.vt", "trung.hd", "domain.admin");
        Map<String, Object> an = byLogin(accounts, "an.lm");
        assertThat(an.get("enabled")).isEqualTo(true);
        // FILETIME (100 ns since 1601) read back as the same instant
        assertThat(Duration.between(Instant.parse((String) an.get("lastLoginAt")), recent)
                        .abs())
                .isLessThan(Duration.ofSeconds(1));
        assertThat(Instant.parse((String) an.get("passwordSetAt"))).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
        assertThat(Instant.parse((String) an.get("createdOn"))).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(byLogin(accounts, "trung.hd").get("enabled")).isEqualTo(false); // 514 = 512 | ACCOUNTDISABLE
        assertThat(byLogin(accounts, "domain.admin").get("privileged")).isEqualTo(true);

        String findings = mvc.perform(get("/api/v1/accounts/findings").header("Authorization", coordinator))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> open = JsonPath.read(findings, "$");
        assertThat(open.stream().map(f -> f.get("ruleId") + " " + f.get("login")))
                .contains("ACCOUNT-IDLE mai.vt", "ACCOUNT-ADMIN-MFA domain.admin")
                .doesNotContain("ACCOUNT-IDLE an.lm", "ACCOUNT-IDLE trung.hd");
        long idle = open.stream()
                .filter(f -> "ACCOUNT-IDLE".equals(f.get("ruleId")) && "mai.vt".equals(f.get("login")))
                .map(f -> ((Number) f.get("id")).longValue())
                .findFirst()
                .orElseThrow();

        String proposal = mvc.perform(post("/api/v1/accounts/remediations")
                        .header("Authorization", coordinator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"findingId\":" + idle + ",\"action\":\"DISABLE\",\"reason\":\"không dùng\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(proposal, "$.dryRun")).contains("userAccountControl 512 -> 514");
        assertThat(uac("CN=Võ Thu Mai," + USERS)).isEqualTo(512);
        String approved = mvc.perform(post("/api/v1/accounts/remediations/"
                                + ((Number) JsonPath.read(proposal, "$.id")).longValue() + "/approve")
                        .header("Authorization", coordinator))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(approved, "$.status")).as(approved).isEqualTo("VERIFIED");
        assertThat(uac("CN=Võ Thu Mai," + USERS)).isEqualTo(514);
        assertThat(uac("CN=Lê Minh An," + USERS)).isEqualTo(512);

        // an approved ISSUE creates the user disabled with "password not required" until the AD admin sets one
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
                                + person + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String issued = mvc.perform(post("/api/v1/accounts/requests/"
                                + ((Number) JsonPath.read(request, "$.id")).longValue() + "/approve")
                        .header("Authorization", coordinator))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(issued, "$.outcome")).as(issued).isEqualTo("VERIFIED");
        assertThat((String) JsonPath.read(issued, "$.result")).contains("AD administrator");
        assertThat(uac("CN=Đặng Thu Linh," + USERS)).isEqualTo(0x2 | 0x20);
    }

    private static Map<String, Object> byLogin(List<Map<String, Object>> accounts, String login) {
        return accounts.stream()
                .filter(a -> login.equals(a.get("login")))
                .findFirst()
                .orElseThrow();
    }

    private int uac(String dn) throws Exception {
        try (LDAPConnection admin = new LDAPConnection("127.0.0.1", slapd.port, Slapd.ROOT_DN, Slapd.ROOT_PW)) {
            return admin.getEntry(dn, "userAccountControl").getAttributeValueAsInteger("userAccountControl");
        }
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
