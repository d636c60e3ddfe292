package vn.khien.app.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/** Real-format STIX 2.1 and MISP samples imported through the API, with the counts the core readers report. */
@KhienIntegrationTest
class IntelImportIntegrationTests {
    static final Path SAMPLES = Path.of("../core/src/test/resources");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    IntelService intel;

    String key;

    @BeforeEach
    void province() {
        fixtures.demoProvince();
        key = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
    }

    String importBody(String feed, String sample) throws Exception {
        return mvc.perform(post("/api/v1/indicators/import")
                        .header("Authorization", key)
                        .param("feed", feed)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Files.readAllBytes(SAMPLES.resolve(sample))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void importsStixBundleWithItsCountsAndIsIdempotent() throws Exception {
        String json = importBody("stix-khien", "stix21/khien-patterns.json");
        assertThat((Integer) JsonPath.read(json, "$.read")).isEqualTo(13);
        assertThat((Integer) JsonPath.read(json, "$.accepted")).isEqualTo(9);
        assertThat((Integer) JsonPath.read(json, "$.rejected")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(json, "$.duplicates")).isEqualTo(1);
        assertThat((String) JsonPath.read(json, "$.format")).isEqualTo("STIX_BUNDLE");
        int suppressed = JsonPath.read(json, "$.suppressed");
        assertThat((Integer) JsonPath.read(json, "$.inserted")).isEqualTo(9 - suppressed);
        assertThat((java.util.List<?>) JsonPath.read(json, "$.rejections")).hasSize(3);
        assertThat(intel.count()).isEqualTo(9 - suppressed);

        String again = importBody("stix-khien", "stix21/khien-patterns.json");
        assertThat((Integer) JsonPath.read(again, "$.inserted")).isZero();
        assertThat((Integer) JsonPath.read(again, "$.updated")).isZero();
        assertThat(intel.count()).isEqualTo(9 - suppressed);

        mvc.perform(get("/api/v1/feeds").header("Authorization", key))
                .andExpect(jsonPath("$[0].name").value("stix-khien"))
                .andExpect(jsonPath("$[0].lastRead").value(13))
                .andExpect(jsonPath("$[0].lastRejected").value(3))
                .andExpect(jsonPath("$[0].rejections.length()").value(3));
    }

    @Test
    void importsMispEventWithWarninglistSuppressionCounted() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file",
                "long_event_circl_osint.json",
                "application/json",
                Files.readAllBytes(SAMPLES.resolve("misp/long_event_circl_osint.json")));
        String json = mvc.perform(multipart("/api/v1/indicators/import")
                        .file(file)
                        .param("feed", "circl")
                        .header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("MISP_EVENT"))
                .andExpect(jsonPath("$.read").value(370))
                .andExpect(jsonPath("$.accepted").value(235))
                .andExpect(jsonPath("$.rejected").value(123))
                .andExpect(jsonPath("$.duplicates").value(12))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int suppressed = JsonPath.read(json, "$.suppressed");
        assertThat(intel.count()).isEqualTo(235 - suppressed);
        assertThat(intel.matchers().indicators().indicator(0).source()).isEqualTo("circl");
    }

    @Test
    void importsMispEventWithObjectsAndTags() throws Exception {
        String json = importBody("misp-small", "misp/event_obj_attr_tag.json");
        assertThat((Integer) JsonPath.read(json, "$.read")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(json, "$.accepted")).isEqualTo(1);
    }

    @Test
    void malformedBundleGivesAClearErrorAndChangesNothing() throws Exception {
        mvc.perform(
                        post("/api/v1/indicators/import")
                                .header("Authorization", key)
                                .param("feed", "broken")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [ {\"type\": \"indicator\", "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("not a valid indicator file")));
        assertThat(intel.count()).isZero();
        assertThat(intel.feeds()).isEmpty();
    }

    @Test
    void mispWarninglistBecomesAProvinceListThatSuppressesLaterImports() throws Exception {
        String list = "{\"name\": \"Máy chủ nội bộ tỉnh\", \"type\": \"hostname\", \"description\": \"x\","
                + " \"version\": 1, \"list\": [\"noibo.demo.test\"]}";
        mvc.perform(post("/api/v1/indicators/import")
                        .header("Authorization", key)
                        .param("feed", "ignored")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(list))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("MISP_WARNINGLIST"))
                .andExpect(jsonPath("$.accepted").value(1));
        mvc.perform(post("/api/v1/indicators/import")
                        .header("Authorization", key)
                        .param("feed", "noisy")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("mail.noibo.demo.test\nreal-c2.test\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suppressed").value(1))
                .andExpect(jsonPath("$.suppressedBy['Máy chủ nội bộ tỉnh']").value(1))
                .andExpect(jsonPath("$.inserted").value(1));
    }

    @Test
    void readersMayNotImport() throws Exception {
        String staff = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        mvc.perform(post("/api/v1/indicators/import")
                        .header("Authorization", staff)
                        .param("feed", "x")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("evil.example\n"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/indicators").header("Authorization", staff)).andExpect(status().isOk());
    }
}
