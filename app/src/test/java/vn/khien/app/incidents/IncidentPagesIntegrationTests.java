package vn.khien.app.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/** The demo's incidents, roster and notifications render on the incident, duty and notification pages. */
@KhienIntegrationTest
class IncidentPagesIntegrationTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    IncidentService incidents;

    @Test
    void demoIncidentsRosterAndLogRender() throws Exception {
        fixtures.demoProvinceWithFeatures();
        var list = Fixtures.asAdmin(() -> incidents.list(UnitScope.province(), null));
        assertThat(list)
                .extracting(Incident::status)
                .containsExactlyInAnyOrder(IncidentStatus.NEW, IncidentStatus.RESPONDING, IncidentStatus.CLOSED);
        var key =
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
        mvc.perform(get("/incidents").with(key))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Thư giả mạo Bộ Công an")));
        for (Incident i : list) {
            mvc.perform(get("/incidents/" + i.id()).with(key))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString(i.code())));
        }
        mvc.perform(get("/incidents/new").with(key)).andExpect(status().isOk());
        mvc.perform(get("/duty").with(key))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Đội ứng cứu sự cố an toàn thông tin mạng tỉnh")))
                .andExpect(content().string(Matchers.containsString("class=\"gap\"")));
        mvc.perform(get("/duty").param("from", "2027-02-06").with(key))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Trực Tết Đinh Mùi 2027")));
        mvc.perform(get("/notify").with(key))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("SMTP is not configured")));
        mvc.perform(get("/api/v1/duty/now").with(key))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                                "$[0].primary.personName")
                        .isNotEmpty());
    }
}
