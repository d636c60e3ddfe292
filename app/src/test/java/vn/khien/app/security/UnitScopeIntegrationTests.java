package vn.khien.app.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;
import vn.khien.core.org.Role;

/** A commune's IT officer sees and changes only their commune, whatever they ask the API for. */
@KhienIntegrationTest
class UnitScopeIntegrationTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    String binhAnKey;
    long binhAn;
    long hoaPhu;

    @BeforeEach
    void demo() {
        fixtures.demoProvince();
        binhAnKey = "Bearer " + fixtures.apiKey("X-BA", Role.IT_OFFICER);
        binhAn = fixtures.unit("X-BA").id();
        hoaPhu = fixtures.unit("X-HP").id();
    }

    @Test
    void listsOnlyTheOwnSubtree() throws Exception {
        mvc.perform(get("/api/v1/units").header("Authorization", binhAnKey))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].code").value("X-BA"));
        mvc.perform(get("/api/v1/people").header("Authorization", binhAnKey).param("limit", "500"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].unitId", Matchers.everyItem(Matchers.is((int) binhAn))));
    }

    @Test
    void cannotReadAnotherCommune() throws Exception {
        mvc.perform(get("/api/v1/units/" + hoaPhu).header("Authorization", binhAnKey))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/units/" + hoaPhu + "/people").header("Authorization", binhAnKey))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/people").header("Authorization", binhAnKey).param("unit", String.valueOf(hoaPhu)))
                .andExpect(status().isNotFound());
        // Hòa Phú's network is 10.20.5.0/24: invisible to Bình An
        mvc.perform(get("/api/v1/ip-owner").header("Authorization", binhAnKey).param("ip", "10.20.5.9"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/ip-owner").header("Authorization", binhAnKey).param("ip", "10.20.4.9"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.code").value("X-BA"));
    }

    @Test
    void cannotWriteIntoAnotherCommune() throws Exception {
        String body = "{\"fullName\":\"Kẻ Lạ\",\"unitId\":" + hoaPhu + ",\"active\":true,\"roles\":[]}";
        mvc.perform(post("/api/v1/people")
                        .header("Authorization", binhAnKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNotFound());
        String own = "{\"fullName\":\"Người Mới\",\"unitId\":" + binhAn + ",\"active\":true,\"roles\":[\"STAFF\"]}";
        mvc.perform(post("/api/v1/people")
                        .header("Authorization", binhAnKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(own))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitName").value("Xã Bình An"));
    }

    @Test
    void unitLevelKeysCannotRestructureTheProvince() throws Exception {
        mvc.perform(post("/api/v1/units")
                        .header("Authorization", binhAnKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"X-NEW\",\"name\":\"Xã Mới\",\"kind\":\"COMMUNE\",\"parentId\":" + binhAn
                                + "}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void provinceKeysSeeEverything() throws Exception {
        String coordinator = "Bearer " + fixtures.apiKey("T00", Role.COORDINATOR);
        mvc.perform(get("/api/v1/units").header("Authorization", coordinator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(29));
    }

    @Test
    void rejectsMissingUnknownAndRevokedKeys() throws Exception {
        mvc.perform(get("/api/v1/units")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/units").header("Authorization", "Bearer khien_nope_nope"))
                .andExpect(status().isUnauthorized());
    }
}
