package vn.khien.app.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.detection.Alert;
import vn.khien.app.detection.DetectionService;
import vn.khien.app.intel.IntelService;
import vn.khien.app.intel.StoredIndicator;
import vn.khien.app.notify.NotificationService;
import vn.khien.app.notify.Page;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.KhienPrincipal;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/**
 * The chain across modules: a machine reaches a high-confidence C&amp;C domain → the alert pages the person on
 * duty → a coordinator promotes it into an incident from the alert page → the incident's indicator goes back
 * into the indicator store under the incident's own feed.
 */
@KhienIntegrationTest
class AlertBridgeIntegrationTests {
    private static final String BUNDLE = """
            {"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[
             {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
              "created":"2026-11-01T00:00:00.000Z","modified":"2026-11-01T00:00:00.000Z",
              "pattern":"[domain-name:value = 'c2.apt-demo.test']","pattern_type":"stix",
              "valid_from":"2026-11-01T00:00:00Z","confidence":90,"labels":["malicious-activity"]}]}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DetectionService detection;

    @Autowired
    NotificationService notifications;

    @Autowired
    IncidentService incidents;

    @Autowired
    IntelService intel;

    @Test
    void highAlertPagesOnDutyIsPromotedAndFeedsItsIndicatorBack() throws Exception {
        fixtures.demoProvince();
        String coordinatorKey = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        mvc.perform(post("/api/v1/indicators/import")
                        .header("Authorization", coordinatorKey)
                        .param("feed", "national-warning")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(BUNDLE))
                .andExpect(status().isOk());
        String log = "22-Nov-2026 02:00:01.004 queries: info: client @0x7f3a2c01b2a8 10.20.4.57#51234"
                + " (beacon.c2.apt-demo.test): query: beacon.c2.apt-demo.test IN A +E(0)K (10.10.0.2)\n";
        mvc.perform(post("/api/v1/logs")
                        .header("Authorization", coordinatorKey)
                        .param("format", "bind")
                        .param("source", "dns-tinh")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(log))
                .andExpect(status().isOk());

        Alert alert = Fixtures.asAdmin(() -> detection.alerts(UnitScope.province(), null, null, null, null, 10, 0))
                .get(0);
        assertThat(alert.severity()).isIn("HIGH", "CRITICAL");
        assertThat(Fixtures.asAdmin(() -> notifications.pages(UnitScope.province())))
                .extracting(Page::subjectType, Page::subjectId)
                .contains(org.assertj.core.groups.Tuple.tuple("alert", String.valueOf(alert.id())));

        var coordinator = UsernamePasswordAuthenticationToken.authenticated(
                new KhienPrincipal(
                        1L, null, "dieuphoi", "Điều phối", fixtures.unit("T00").id(), EnumSet.of(Role.COORDINATOR)),
                null,
                AuthorityUtils.createAuthorityList("ROLE_COORDINATOR", "FACTOR_COMPLETE"));
        String location = mvc.perform(post("/incidents/promote-alert/" + alert.id())
                        .with(authentication(coordinator))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long incidentId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Incident incident = Fixtures.asAdmin(() -> incidents.get(UnitScope.province(), incidentId));
        assertThat(incident.category()).isEqualTo(IncidentCategory.MALWARE);
        assertThat(incident.unitId()).isEqualTo(fixtures.unit("X-BA").id());
        assertThat(Fixtures.asAdmin(() -> incidents.alertIds(UnitScope.province(), incidentId)))
                .containsExactly(String.valueOf(alert.id()));

        mvc.perform(post("/incidents/" + incidentId + "/indicators-to-intel")
                        .with(authentication(coordinator))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        List<StoredIndicator> stored =
                Fixtures.asAdmin(() -> intel.search("c2.apt-demo.test", null, null, false, 10, 0));
        assertThat(stored)
                .extracting(StoredIndicator::feed)
                .contains("national-warning", "incident-" + incident.code());
    }

    @Test
    void theForm03PageBindsTextFieldsAndCheckboxes() throws Exception {
        fixtures.demoProvince();
        var coordinator = UsernamePasswordAuthenticationToken.authenticated(
                new KhienPrincipal(
                        1L, null, "dieuphoi", "Điều phối", fixtures.unit("T00").id(), EnumSet.of(Role.COORDINATOR)),
                null,
                AuthorityUtils.createAuthorityList("ROLE_COORDINATOR", "FACTOR_COMPLETE"));
        Incident incident = Fixtures.asAdmin(() -> incidents.report(
                UnitScope.province(),
                new IncidentDraft(
                        fixtures.unit("X-BA").id(),
                        "Thư giả mạo",
                        IncidentCategory.PHISHING,
                        Severity.MEDIUM,
                        java.time.Instant.now().minusSeconds(60),
                        null,
                        null,
                        null,
                        "Nhận thư lạ",
                        null)));
        mvc.perform(post("/incidents/" + incident.id() + "/form")
                        .with(authentication(coordinator))
                        .with(csrf())
                        .param("organisation", "UBND xã Bình An")
                        .param("systemName", "Thư công vụ")
                        .param("handled", "true"))
                .andExpect(status().is3xxRedirection());
        InitialReportForm form = Fixtures.asAdmin(() -> incidents.get(UnitScope.province(), incident.id()))
                .form();
        assertThat(form.organisation()).isEqualTo("UBND xã Bình An");
        assertThat(form.systemName()).isEqualTo("Thư công vụ");
        assertThat(form.handled()).isTrue();
        assertThat(form.confidential()).isFalse();
    }
}
