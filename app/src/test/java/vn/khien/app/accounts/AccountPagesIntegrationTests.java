package vn.khien.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.KhienPrincipal;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/** The account pages render, the forms work, and the bind password never comes back to a page. */
@KhienIntegrationTest
class AccountPagesIntegrationTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    vn.khien.app.org.PersonService people;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountAuditService audits;

    @Autowired
    RemediationService remediation;

    UsernamePasswordAuthenticationToken coordinator;
    UsernamePasswordAuthenticationToken officer;

    @BeforeEach
    void demo() {
        fixtures.demoProvince();
        coordinator = UsernamePasswordAuthenticationToken.authenticated(
                new KhienPrincipal(
                        1L, null, "dieuphoi", "Điều phối", fixtures.unit("T00").id(), EnumSet.of(Role.COORDINATOR)),
                null,
                AuthorityUtils.createAuthorityList("ROLE_COORDINATOR", "FACTOR_COMPLETE"));
        officer = UsernamePasswordAuthenticationToken.authenticated(
                new KhienPrincipal(
                        2L, null, "canbo", "Cán bộ", fixtures.unit("X-HP").id(), EnumSet.of(Role.IT_OFFICER)),
                null,
                AuthorityUtils.createAuthorityList("ROLE_IT_OFFICER", "FACTOR_COMPLETE"));
    }

    @Test
    void theWholeFlowThroughThePages() throws Exception {
        long binhAn = fixtures.unit("X-BA").id();
        mvc.perform(post("/accounts/systems")
                        .with(authentication(coordinator))
                        .with(csrf())
                        .param("name", "Một cửa Bình An")
                        .param("kind", "ONE_STOP_SHOP")
                        .param("unitId", String.valueOf(binhAn)))
                .andExpect(status().is3xxRedirection());
        long system = Fixtures.asAdmin(
                () -> accounts.systems(UnitScope.province()).get(0).id());
        String imported = mvc.perform(multipart("/accounts/systems/" + system + "/import")
                        .file(new MockMultipartFile(
                                "file", "motcua.csv", "text/csv", """
                                Tên đăng nhập;Email;Hoạt động;Đăng nhập cuối;Quản trị;MFA
                                phuc.vh;phuc.vh@binhan.demo.gov.vn;có;01/01/2025;có;không
                                la;;có;;;
                                """.getBytes(StandardCharsets.UTF_8)))
                        .with(authentication(coordinator))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(imported).contains("import-result");

        mvc.perform(post("/accounts/connections/new")
                        .with(authentication(coordinator))
                        .with(csrf())
                        .param("systemId", String.valueOf(system))
                        .param("kind", "AD")
                        .param("url", "ldaps://dc01.binhan.demo.gov.vn:636")
                        .param("baseDn", "dc=binhan,dc=demo,dc=gov,dc=vn")
                        .param("bindDn", "cn=khien,cn=Users,dc=binhan,dc=demo,dc=gov,dc=vn")
                        .param("bindPassword", "Bind#Secret-Never-Shown"))
                .andExpect(status().is3xxRedirection());

        String systems = page("/accounts/systems", coordinator);
        assertThat(systems).contains("dc01.binhan.demo.gov.vn").doesNotContain("Bind#Secret-Never-Shown");
        String list = page("/accounts", coordinator);
        assertThat(list).contains("phuc.vh").contains("ACCOUNT-ADMIN-MFA").contains("ACCOUNT-IDLE");
        assertThat(page("/accounts/audits", coordinator))
                .contains("combolist-scan")
                .contains("CSV");

        Finding idle = Fixtures.asAdmin(() -> audits.findings(UnitScope.province(), null, "ACCOUNT-IDLE", true).stream()
                .filter(f -> f.login().equals("phuc.vh"))
                .findFirst()
                .orElseThrow());
        assertThat(page("/accounts/" + idle.accountId(), coordinator))
                .contains("ACCOUNT-IDLE")
                .contains("phuc.vh");
        mvc.perform(post("/accounts/findings/" + idle.id() + "/propose")
                        .with(authentication(coordinator))
                        .with(csrf())
                        .param("action", "DISABLE")
                        .param("reason", "không dùng"))
                .andExpect(status().is3xxRedirection());
        String approvals = page("/accounts/approvals", coordinator);
        assertThat(approvals).contains("phuc.vh").contains("not synced from a directory");

        // the head of Bình An approves; an account without a directory stays APPROVED, to be done by hand
        var head = UsernamePasswordAuthenticationToken.authenticated(
                new KhienPrincipal(3L, null, "truongxa", "Trưởng xã", binhAn, EnumSet.of(Role.UNIT_HEAD)),
                null,
                AuthorityUtils.createAuthorityList("ROLE_UNIT_HEAD", "FACTOR_COMPLETE"));
        long proposal = Fixtures.asAdmin(
                () -> remediation.list(UnitScope.province(), null, true).get(0).id());
        mvc.perform(post("/accounts/remediations/" + proposal + "/approve")
                        .with(authentication(officer))
                        .with(csrf()))
                .andExpect(status().is4xxClientError());
        mvc.perform(post("/accounts/remediations/" + proposal + "/approve")
                        .with(authentication(head))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(Fixtures.asAdmin(
                        () -> remediation.get(UnitScope.province(), proposal).status()))
                .isEqualTo(Remediation.Status.APPROVED);

        mvc.perform(post("/accounts/" + idle.accountId() + "/requests")
                        .with(authentication(coordinator))
                        .with(csrf())
                        .param("kind", "REVOKE")
                        .param("reason", "nghỉ hưu"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/accounts/approvals", coordinator)).contains("Thu hồi").contains("nghỉ hưu");
        // the head approves the revoke: without a directory it is disabled in the registry, to be done by hand
        long revoke = Fixtures.asAdmin(
                () -> remediation.requests(UnitScope.province(), true).get(0).id());
        mvc.perform(post("/accounts/requests/" + revoke + "/approve")
                        .with(authentication(head))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/accounts/approvals", coordinator)).contains("Làm thủ công");
        // the owner (phuc.vh has one) was told of the approved remediation; no SMTP here, so the delivery failed
        assertThat(page("/accounts/" + idle.accountId(), coordinator))
                .contains("owner-notices")
                .contains("Biện pháp xử lý");
        // an issue request from the systems page
        assertThat(page("/accounts/systems", coordinator)).contains("issue-request");
        long owner = Fixtures.asAdmin(() -> people.search(UnitScope.province(), binhAn, "linh.dt", 1, 0)
                .get(0)
                .id());
        mvc.perform(post("/accounts/issue")
                        .with(authentication(coordinator))
                        .with(csrf())
                        .param("systemId", String.valueOf(system))
                        .param("login", "linh.dt")
                        .param("personId", String.valueOf(owner)))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/accounts/approvals", coordinator)).contains("linh.dt").contains("Cấp mới");

        // Hòa Phú's officer sees none of it
        assertThat(page("/accounts", officer)).doesNotContain("phuc.vh");
        mvc.perform(get("/accounts/" + idle.accountId()).with(authentication(officer)))
                .andExpect(status().isNotFound());
        assertThat(page("/accounts/approvals", officer)).doesNotContain("phuc.vh");
    }

    private String page(String path, UsernamePasswordAuthenticationToken who) throws Exception {
        return mvc.perform(get(path).with(authentication(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
