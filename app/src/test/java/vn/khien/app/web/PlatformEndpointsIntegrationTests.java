package vn.khien.app.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/** Health, metrics, API documentation and the page assets are served by the application itself. */
@KhienIntegrationTest
class PlatformEndpointsIntegrationTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void healthIsPublicAndUp() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void openApiDescribesTheOrganisationApi() throws Exception {
        mvc.perform(get("/api/docs/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Khiên API"))
                .andExpect(jsonPath("$.paths['/api/v1/units']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/ip-owner']").exists());
    }

    @Test
    void metricsNeedAnAuthorisedCaller() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        fixtures.demoProvince();
        String auditor = "Bearer " + fixtures.apiKey("S-TT", Role.AUDITOR);
        mvc.perform(get("/actuator/prometheus").header("Authorization", auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")));
        String officer = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        mvc.perform(get("/actuator/prometheus").header("Authorization", officer))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/env").header("Authorization", auditor)).andExpect(status().isForbidden());
    }

    @Test
    void pageAssetsAreServedLocally() throws Exception {
        mvc.perform(get("/webjars/htmx.org/2.0.10/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/assets/khien.js")).andExpect(status().isOk());
        mvc.perform(get("/login"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("https://"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>"))));
    }

    @Test
    void requestErrorsKeepTheirStatusAndNeverShowInternals() throws Exception {
        fixtures.demoProvince();
        String key = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        mvc.perform(get("/api/v1/units/not-a-number").header("Authorization", key))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/units")
                        .header("Authorization", key))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(get("/api/v1/ip-owner").header("Authorization", key)).andExpect(status().isBadRequest());
    }

    @Autowired
    vn.khien.app.platform.Jobs jobs;

    @Test
    void jobProgressIsVisibleOnlyWithinScope() throws Exception {
        fixtures.demoProvince();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var job = jobs.start("import", fixtures.unit("X-HP").id(), p -> {
            p.total(4);
            p.advance(1);
            release.await();
            return null;
        });
        try {
            String hoaPhu = "Bearer " + fixtures.apiKey("X-HP", Role.IT_OFFICER);
            String binhAn = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
            org.awaitility.Awaitility.await()
                    .until(() -> jobs.find(vn.khien.app.platform.UnitScope.province(), job.id())
                                    .orElseThrow()
                                    .done()
                            == 1);
            mvc.perform(get("/api/v1/jobs/" + job.id()).header("Authorization", hoaPhu))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("RUNNING"))
                    .andExpect(jsonPath("$.done").value(1))
                    .andExpect(jsonPath("$.total").value(4));
            mvc.perform(get("/api/v1/jobs/" + job.id()).header("Authorization", binhAn))
                    .andExpect(status().isNotFound());
        } finally {
            release.countDown();
        }
    }
}
