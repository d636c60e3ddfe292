package vn.khien.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.core.ingest.ImportReport;

class OsqueryTlsTests {
    @Test
    void parsesTheRecordedEnrollRequest() {
        OsqueryTls.EnrollRequest r = OsqueryTls.parseEnroll(Fixtures.bytes("osquery/tls-enroll.request.json"));

        assertThat(r.enrollSecret()).isEqualTo("...");
        assertThat(r.hostIdentifier()).isEqualTo("...");
        assertThat(r.hostname()).isNull();
    }

    @Test
    void parsesNodeKeyOfConfigAndDistributedReadRequests() {
        assertThat(OsqueryTls.parseNodeKey(Fixtures.bytes("osquery/tls-config.request.json")))
                .isEqualTo("...");
        assertThat(OsqueryTls.parseNodeKey(Fixtures.bytes("osquery/tls-distributed-read.request.json")))
                .isEqualTo("...");
    }

    @Test
    void parsesTheRecordedLoggerRequestAndImportsItsEntries() {
        OsqueryTls.LogRequest r = OsqueryTls.parseLog(Fixtures.bytes("osquery/tls-log.request.json"));
        assertThat(r.logType()).isEqualTo(OsqueryTls.LogType.RESULT);
        assertThat(r.data()).hasSize(1);
        assertThat(r.data().get(0).get("name").asString()).isEqualTo("processes");

        Inventory inv = new Inventory();
        OsqueryTls.LogRequest khien = OsqueryTls.parseLog(Fixtures.bytes("osquery/tls-log.request-khien.json"));
        ImportReport report = new OsqueryResultImporter(inv).importEntries(khien.data());

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.rejections()).singleElement().satisfies(rej -> {
            assertThat(rej.element()).isEqualTo("/data/1/unixTime");
            assertThat(rej.reason()).isEqualTo("wrong time 'not-a-time'");
        });
        assertThat(inv.findId("STC-KT-PC01")).contains("4C4C4544-0042-3510-8052-B4C04F4E3732");
    }

    @Test
    void parsesTheRecordedDistributedWriteRequests() {
        OsqueryTls.DistributedWriteRequest r =
                OsqueryTls.parseDistributedWrite(Fixtures.bytes("osquery/tls-distributed-write.request.json"));
        assertThat(r.queries().get("id1"))
                .hasSize(2)
                .first()
                .isEqualTo(Map.of("column1", "value1", "column2", "value2"));
        assertThat(r.queries().get("id3")).isEmpty();
        assertThat(r.statuses()).containsEntry("id3", 2).containsEntry("id1", 0);

        OsqueryTls.DistributedWriteRequest win =
                OsqueryTls.parseDistributedWrite(Fixtures.bytes("osquery/tls-distributed-write.request-windows.json"));
        assertThat(win.queries().get("always_execute").get(0)).containsEntry("version", "5.5.1");
        OsqueryTls.DistributedWriteRequest mac =
                OsqueryTls.parseDistributedWrite(Fixtures.bytes("osquery/tls-distributed-write.request-macos.json"));
        assertThat(mac.queries().get("darwin_time").get(0)).containsEntry("day", "17");
    }

    @Test
    void writesResponsesInTheShapeOfTheRecordedOnes() {
        JsonNode enroll = OsqueryResultImporter.JSON.readTree(OsqueryTls.enrollResponse("k"));
        JsonNode recorded = OsqueryResultImporter.JSON.readTree(Fixtures.bytes("osquery/tls-enroll.response.json"));
        assertThat(fieldNames(enroll)).isEqualTo(fieldNames(recorded));

        assertThat(OsqueryResultImporter.JSON.readTree(OsqueryTls.nodeResponse(false)))
                .isEqualTo(OsqueryResultImporter.JSON.readTree(Fixtures.bytes("osquery/tls-log.response.json")));
        assertThat(OsqueryResultImporter.JSON.readTree(OsqueryTls.nodeResponse(false)))
                .isEqualTo(OsqueryResultImporter.JSON.readTree(
                        Fixtures.bytes("osquery/tls-distributed-write.response.json")));

        JsonNode read = OsqueryResultImporter.JSON.readTree(
                OsqueryTls.distributedReadResponse(Map.of("id1", "SELECT * FROM osquery_info;")));
        JsonNode recordedRead =
                OsqueryResultImporter.JSON.readTree(Fixtures.bytes("osquery/tls-distributed-read.response.json"));
        assertThat(fieldNames(read)).isEqualTo(fieldNames(recordedRead));
        assertThat(read.get("queries").get("id1").asString()).isEqualTo("SELECT * FROM osquery_info;");
    }

    @Test
    void configResponseCarriesKhiensPackAndDecorators() {
        JsonNode config = OsqueryResultImporter.JSON.readTree(OsqueryTls.configResponse(OsqueryPack.khien()));
        JsonNode recorded = OsqueryResultImporter.JSON.readTree(Fixtures.bytes("osquery/tls-config.response.json"));

        assertThat(config.get("node_invalid").asBoolean())
                .isEqualTo(recorded.get("node_invalid").asBoolean());
        JsonNode queries = config.get("packs").get("khien").get("queries");
        assertThat(queries.get("windows_security_products").get("interval").asInt())
                .isEqualTo(900);
        assertThat(queries.get("patches").get("snapshot").asBoolean()).isTrue();
        assertThat(config.get("decorators").get("load")).hasSize(2);
    }

    @Test
    void refusesRequestsThatBreakTheProtocolNamingTheField() {
        assertThatThrownBy(() -> OsqueryTls.parseEnroll("{\"host_identifier\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(OsqueryTls.ProtocolException.class)
                .hasMessage("missing field 'enroll_secret'");
        assertThatThrownBy(() -> OsqueryTls.parseLog(
                        "{\"node_key\":\"k\",\"log_type\":\"snapshot\",\"data\":[]}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("log_type");
        assertThatThrownBy(() -> OsqueryTls.parseNodeKey("{oops".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("malformed JSON");
    }

    @Test
    void comparesEnrollSecretsExactly() {
        assertThat(OsqueryTls.secretMatches("s3cret-unit-42", "s3cret-unit-42")).isTrue();
        assertThat(OsqueryTls.secretMatches("s3cret-unit-4", "s3cret-unit-42")).isFalse();
        assertThat(OsqueryTls.newNodeKey()).hasSize(43).isNotEqualTo(OsqueryTls.newNodeKey());
    }

    private static java.util.Set<String> fieldNames(JsonNode n) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        n.properties().forEach(e -> out.add(e.getKey()));
        return out;
    }
}
