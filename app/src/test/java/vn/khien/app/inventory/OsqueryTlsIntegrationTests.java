package vn.khien.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;

/** osquery's TLS remote API with the recorded payloads of osquery's documentation and Khiên's pack. */
@KhienIntegrationTest
class OsqueryTlsIntegrationTests {
    static final String HOST = "4C4C4544-0042-3510-8052-B4C04F4E3732";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OsqueryService osquery;

    @Autowired
    InventoryService inventory;

    String secret;

    @BeforeEach
    void demo() {
        fixtures.demoProvince();
        secret = Fixtures.asAdmin(() -> osquery.createSecret(
                        UnitScope.province(), fixtures.unit("S-KHCN").id(), "test agents")
                .value());
    }

    static String recorded(String name) throws Exception {
        return new ClassPathResource("osquery/" + name).getContentAsString(StandardCharsets.UTF_8);
    }

    JsonNode call(String path, String body) throws Exception {
        String out = mvc.perform(post("/api/v1/osquery/" + path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(out);
    }

    String enroll() throws Exception {
        String body = recorded("tls-enroll.request.json")
                .replace("\"enroll_secret\": \"...\"", "\"enroll_secret\": \"" + secret + "\"")
                .replace("\"host_identifier\": \"...\"", "\"host_identifier\": \"" + HOST + "\"")
                .replace(
                        "\"system_info\": {}",
                        "\"system_info\": {\"hostname\": \"STC-KT-PC01\", \"uuid\": \"" + HOST + "\"}")
                .replace(
                        "\"os_version\": {}",
                        "\"os_version\": {\"name\": \"Microsoft Windows 10 Pro\", \"platform\": \"windows\"}");
        JsonNode r = call("enroll", body);
        assertThat(r.get("node_invalid").asBoolean()).isFalse();
        return r.get("node_key").asString();
    }

    @Test
    void enrollConfigLogAndDistributedWithRecordedPayloads() throws Exception {
        String nodeKey = enroll();
        // enrolment registers the machine from its host details, in the secret's unit
        var enrolled = inventory.list(UnitScope.province(), EndpointFilter.none(), 100, 0);
        assertThat(enrolled).extracting(Endpoint::hostname).containsExactly("STC-KT-PC01");
        assertThat(enrolled.get(0).unitId()).isEqualTo(fixtures.unit("S-KHCN").id());
        assertThat(enrolled.get(0).os()).isEqualTo("Microsoft Windows 10 Pro");
        JsonNode config = call("config", recorded("tls-config.request.json").replace("...", nodeKey));
        assertThat(config.get("node_invalid").asBoolean()).isFalse();
        assertThat(config.get("packs").propertyNames()).contains("khien");

        JsonNode log = call("log", recorded("tls-log.request-khien.json").replace("n0de-k3y", nodeKey));
        assertThat(log.get("node_invalid").asBoolean()).isFalse();
        var endpoints = inventory.list(UnitScope.province(), EndpointFilter.none(), 100, 0);
        assertThat(endpoints).extracting(Endpoint::hostKey).containsExactly(HOST);
        // the node's unit owns hosts whose address no unit range covers
        assertThat(endpoints.get(0).unitId()).isNotNull();
        var facts =
                inventory.snapshot(UnitScope.province(), endpoints.get(0).id()).facts();
        assertThat(facts.securityProducts()).isNotEmpty();
        assertThat(facts.securityProducts().get(0).source().input()).startsWith("osquery/");

        // the same log again changes nothing
        call("log", recorded("tls-log.request-khien.json").replace("n0de-k3y", nodeKey));
        assertThat(inventory.list(UnitScope.province(), EndpointFilter.none(), 100, 0))
                .hasSize(1);

        JsonNode read = call(
                "distributed/read",
                recorded("tls-distributed-read.request.json").replace("...", nodeKey));
        assertThat(read.get("node_invalid").asBoolean()).isFalse();
        assertThat(read.get("queries").isEmpty()).isTrue();

        // a coordinator queues an ad-hoc query for the unit; the agent reads it and answers once
        long unit = fixtures.unit("S-KHCN").id();
        DistributedQuery q = Fixtures.asAdmin(
                () -> osquery.queueQuery(UnitScope.province(), unit, "SELECT name, version FROM programs;"));
        String id = "khien-" + q.id();
        read = call(
                "distributed/read",
                recorded("tls-distributed-read.request.json").replace("...", nodeKey));
        assertThat(read.get("queries").get(id).asString()).isEqualTo("SELECT name, version FROM programs;");
        JsonNode write = call(
                "distributed/write",
                recorded("tls-distributed-write.request.json")
                        .replace("...", nodeKey)
                        .replace("\"id1\"", "\"" + id + "\""));
        assertThat(write.get("node_invalid").asBoolean()).isFalse();
        assertThat(osquery.queries(UnitScope.province())).singleElement().satisfies(x -> {
            assertThat(x.answers()).isEqualTo(1);
            assertThat(x.rows()).isEqualTo(2);
        });
        read = call(
                "distributed/read",
                recorded("tls-distributed-read.request.json").replace("...", nodeKey));
        assertThat(read.get("queries").isEmpty()).isTrue();
        assertThatThrownBy(() ->
                        Fixtures.asAdmin(() -> osquery.queueQuery(UnitScope.province(), unit, "DELETE FROM programs;")))
                .isInstanceOf(InventoryException.class);
    }

    @Test
    void wrongSecretsAndUnknownNodeKeysAreInvalid() throws Exception {
        String body = recorded("tls-enroll.request.json").replace("...", "not-the-secret");
        assertThat(call("enroll", body).get("node_invalid").asBoolean()).isTrue();
        assertThat(call("config", recorded("tls-config.request.json"))
                        .get("node_invalid")
                        .asBoolean())
                .isTrue();
        assertThat(call("log", recorded("tls-log.request-khien.json"))
                        .get("node_invalid")
                        .asBoolean())
                .isTrue();
        mvc.perform(post("/api/v1/osquery/log")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest());
    }
}
