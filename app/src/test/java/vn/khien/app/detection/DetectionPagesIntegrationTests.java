package vn.khien.app.detection;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.intel.IntelService;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.KhienPrincipal;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/** The detection and intelligence pages render the demo's alerts, within the viewer's scope. */
@KhienIntegrationTest
class DetectionPagesIntegrationTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DetectionService detection;

    @Autowired
    IntelService intel;

    @BeforeEach
    void demo() {
        fixtures.demoProvinceWithFeatures();
    }

    static Authentication as(Role role, Long unitId) {
        KhienPrincipal p = new KhienPrincipal(null, null, "t-" + role, "Người thử", unitId, Set.of(role));
        return UsernamePasswordAuthenticationToken.authenticated(
                p, null, AuthorityUtils.createAuthorityList("FACTOR_COMPLETE", "ROLE_" + role.name()));
    }

    @Test
    void coordinatorSeesEveryPage() throws Exception {
        Authentication a = as(Role.COORDINATOR, fixtures.unit("T00").id());
        mvc.perform(get("/detection/alerts").with(authentication(a)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("10.20.4.57")))
                .andExpect(content().string(Matchers.containsString("10.11.4.31")));
        List<Alert> alerts =
                Fixtures.asAdmin(() -> detection.alerts(UnitScope.province(), null, null, null, null, 10, 0));
        long apt = alerts.stream()
                .filter(x -> x.sourceIp().equals("10.20.4.57"))
                .findFirst()
                .orElseThrow()
                .id();
        mvc.perform(get("/detection/alerts/" + apt).with(authentication(a)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("cap-nhat-phan-mem.test")))
                .andExpect(content().string(Matchers.containsString("Xã Bình An")))
                .andExpect(content().string(Matchers.containsString("dnsmasq[812]")));
        mvc.perform(get("/detection/sources").with(authentication(a)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("dns-tinh (demo)")));
        mvc.perform(get("/detection/upload").with(authentication(a))).andExpect(status().isOk());
        mvc.perform(get("/intel/indicators").with(authentication(a)).param("q", "botnet"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("dem-botnet.test")));
        mvc.perform(get("/intel/feeds").with(authentication(a)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Demo APT feed")));
        mvc.perform(get("/intel/import").with(authentication(a))).andExpect(status().isOk());
    }

    @Test
    void indicatorUploadRunsAsAJobAndReportsOnTheFeedsPage() throws Exception {
        Authentication a = as(Role.RESPONDER, fixtures.unit("CA").id());
        MockMultipartFile file = new MockMultipartFile(
                "file", "list.txt", "text/plain", "# x\nnew-c2.test\nnot a value\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/intel/import")
                        .file(file)
                        .param("feed", "tay")
                        .with(authentication(a))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("class=\"job\"")));
        // the import runs as a background job: wait for its report, not merely for the feed row
        long deadline = System.currentTimeMillis() + 30_000;
        while (!mvc.perform(get("/intel/feeds").with(authentication(a)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()
                        .contains("line 3")
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        mvc.perform(get("/intel/feeds").with(authentication(a)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("tay")))
                .andExpect(content().string(Matchers.containsString("line 3")));
    }

    @Test
    void communeOfficerSeesOnlyTheirCommune() throws Exception {
        Authentication a = as(Role.IT_OFFICER, fixtures.unit("X-BA").id());
        mvc.perform(get("/detection/alerts").with(authentication(a)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("10.20.4.57")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("10.20.5.23"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("10.11.4.31"))));
        long hoaPhuAlert =
                Fixtures.asAdmin(() -> detection.alerts(UnitScope.province(), null, null, null, null, 10, 0)).stream()
                        .filter(x -> x.sourceIp().equals("10.20.5.23"))
                        .findFirst()
                        .orElseThrow()
                        .id();
        mvc.perform(get("/detection/alerts/" + hoaPhuAlert).with(authentication(a)))
                .andExpect(status().isNotFound());
    }
}
