package vn.khien.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.khien.app.security.internal.Totp;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

@KhienIntegrationTest
class SignInIntegrationTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void demo() {
        fixtures.demoProvince();
    }

    private MvcResult login(MockHttpSession session, String user, String password) throws Exception {
        return mvc.perform(post("/login")
                        .session(session)
                        .param("username", user)
                        .param("password", password)
                        .with(csrf()))
                .andReturn();
    }

    @Test
    void locksALoginAfterRepeatedFailuresEvenForTheRightPassword() throws Exception {
        String password = fixtures.login("locky", "X-BA", EnumSet.of(Role.STAFF));
        for (int i = 0; i < 5; i++) {
            assertThat(login(new MockHttpSession(), "locky", "wrong-" + i)
                            .getResponse()
                            .getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        assertThat(login(new MockHttpSession(), "locky", password).getResponse().getRedirectedUrl())
                .isEqualTo("/login?locked");
        Instant lockedUntil = jdbc.sql("select locked_until from app_user where username = 'locky'")
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(lockedUntil).isAfter(Instant.now().plusSeconds(50));
        // attempts during the lock do not count; once it expires, the next failure locks for twice as long
        jdbc.sql("update app_user set locked_until = now() - interval '1 second' where username = 'locky'")
                .update();
        login(new MockHttpSession(), "locky", "wrong-again");
        Instant longer = jdbc.sql("select locked_until from app_user where username = 'locky'")
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(longer).isAfter(Instant.now().plusSeconds(110));
    }

    @Test
    void refusesStateChangesWithoutACsrfToken() throws Exception {
        var officer = UsernamePasswordAuthenticationToken.authenticated(
                new KhienPrincipal(
                        1L, null, "officer", "Officer", fixtures.unit("X-BA").id(), EnumSet.of(Role.IT_OFFICER)),
                null,
                AuthorityUtils.createAuthorityList("ROLE_IT_OFFICER", "FACTOR_COMPLETE"));
        String unitId = String.valueOf(fixtures.unit("X-BA").id());
        mvc.perform(post("/people")
                        .with(authentication(officer))
                        .param("fullName", "Không Token")
                        .param("unitId", unitId))
                .andExpect(status().isForbidden());
        mvc.perform(post("/people")
                        .with(authentication(officer))
                        .with(csrf())
                        .param("fullName", "Có Token")
                        .param("unitId", unitId))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/login").param("username", "x").param("password", "y"))
                .andExpect(status().isForbidden());
    }

    @Test
    void firstLoginForcesPasswordChangeThenMfaEnrolmentForAdministrators() throws Exception {
        String oneTime = fixtures.login("boss", null, EnumSet.of(Role.ADMIN));
        MockHttpSession session = new MockHttpSession();
        assertThat(login(session, "boss", oneTime).getResponse().getRedirectedUrl())
                .isEqualTo("/account/password");
        mvc.perform(get("/units").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("current", oneTime)
                        .param("password", "Rất-An-Toàn-2026")
                        .param("confirm", "Rất-An-Toàn-2026"))
                .andExpect(redirectedUrl("/account/mfa"));
        mvc.perform(get("/units").session(session)).andExpect(redirectedUrl("/account/mfa"));
        mvc.perform(get("/account/mfa").session(session)).andExpect(status().isOk());
        String secret = (String) session.getAttribute("khien.mfa.pending-secret");
        mvc.perform(get("/account/mfa/qr.png").session(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"));
        mvc.perform(post("/account/mfa")
                        .session(session)
                        .with(csrf())
                        .param("code", Totp.code(secret, Totp.step(Instant.now()))))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/units").session(session)).andExpect(status().isOk());
        assertThat(Fixtures.asAdmin(() -> users.list(vn.khien.app.platform.UnitScope.province())))
                .filteredOn(u -> u.username().equals("boss"))
                .singleElement()
                .satisfies(u -> {
                    assertThat(u.mfaEnrolled()).isTrue();
                    assertThat(u.mustChangePassword()).isFalse();
                });
    }

    @Test
    void secondFactorIsRequiredAndCodesCannotBeReplayed() throws Exception {
        String oneTime = fixtures.login("mfauser", "T00", EnumSet.of(Role.COORDINATOR));
        long id = Fixtures.asAdmin(() -> users.list(vn.khien.app.platform.UnitScope.province())).stream()
                .filter(u -> u.username().equals("mfauser"))
                .findFirst()
                .orElseThrow()
                .id();
        String secret = Totp.newSecret();
        KhienPrincipal me = new KhienPrincipal(id, null, "mfauser", "mfauser", null, EnumSet.of(Role.COORDINATOR));
        assertThat(users.enrolMfa(me, secret, Totp.code(secret, Totp.step(Instant.now()) - 1)))
                .isTrue();
        jdbc.sql("update app_user set must_change_password = false where id = :id")
                .param("id", id)
                .update();

        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        assertThat(login(session, "mfauser", oneTime).getResponse().getRedirectedUrl())
                .isEqualTo("/login/mfa");
        mvc.perform(get("/units").session(session)).andExpect(redirectedUrl("/login/mfa"));
        mvc.perform(get("/api/v1/units").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", "000000"))
                .andExpect(status().isOk());
        String code = Totp.code(secret, Totp.step(Instant.now()));
        mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", code))
                .andExpect(redirectedUrl("/"));
        assertThat(session.getId()).isNotEqualTo(before);
        mvc.perform(get("/units").session(session)).andExpect(status().isOk());

        MockHttpSession replay = new MockHttpSession();
        login(replay, "mfauser", oneTime);
        mvc.perform(post("/login/mfa").session(replay).with(csrf()).param("code", code))
                .andExpect(status().isOk());
        mvc.perform(get("/units").session(replay)).andExpect(redirectedUrl("/login/mfa"));
    }

    @Test
    void sendsStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void unauthenticatedPagesRedirectToLoginAndUnknownPagesAreFriendly() throws Exception {
        mvc.perform(get("/units")).andExpect(status().is3xxRedirection());
        String password = fixtures.login("viewer", "X-BA", EnumSet.of(Role.STAFF));
        jdbc.sql("update app_user set must_change_password = false").update();
        MockHttpSession session = new MockHttpSession();
        login(session, "viewer", password);
        var page = mvc.perform(get("/units/999999").session(session))
                .andExpect(status().isNotFound())
                .andReturn();
        assertThat(page.getResponse().getContentAsString())
                .contains("Không tìm thấy")
                .doesNotContain("Exception");
        mvc.perform(get("/settings/users").session(session)).andExpect(status().isForbidden());
    }
}
