package vn.khien.core.inventory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The messages of osquery's TLS remote API (enroll, config, logger, distributed read/write) and the pure functions
 * that parse requests and write responses; HTTP, node-key storage and the enroll-secret lookup per unit belong to
 * the app. Endpoints: {@code /api/v1/osquery/enroll}, {@code /config}, {@code /log}, {@code /distributed/read},
 * {@code /distributed/write}.
 */
public final class OsqueryTls {
    /** Requests larger than this (osquery's default {@code logger_tls_max_size} is 1 MB) are refused unread. */
    public static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    private static final SecureRandom RANDOM = new SecureRandom();

    private OsqueryTls() {}

    /** A request that does not follow the protocol; the message names the field. */
    public static final class ProtocolException extends RuntimeException {
        public ProtocolException(String message) {
            super(message);
        }
    }

    /**
     * {@code POST /enroll}: a new agent presents the enroll secret (one per unit) and what it knows about itself.
     *
     * @param hostname {@code host_details.system_info.hostname}, or null
     * @param uuid {@code host_details.system_info.uuid}, or null
     * @param osName {@code host_details.os_version.name}, or null
     * @param platform {@code host_details.os_version.platform}, or null
     * @param osqueryVersion {@code host_details.osquery_info.version}, or null
     */
    public record EnrollRequest(
            String enrollSecret,
            String hostIdentifier,
            @Nullable String hostname,
            @Nullable String uuid,
            @Nullable String osName,
            @Nullable String platform,
            @Nullable String osqueryVersion) {
        public EnrollRequest {
            Objects.requireNonNull(enrollSecret, "enrollSecret");
            Objects.requireNonNull(hostIdentifier, "hostIdentifier");
        }
    }

    /** Type of a logger request. */
    public enum LogType {
        RESULT,
        STATUS
    }

    /**
     * {@code POST /log}: result-log entries (import them with {@link OsqueryResultImporter#importEntries}) or
     * status-log entries (the agent's own warnings and errors).
     */
    public record LogRequest(String nodeKey, LogType logType, List<JsonNode> data) {
        public LogRequest {
            Objects.requireNonNull(nodeKey, "nodeKey");
            Objects.requireNonNull(logType, "logType");
            data = List.copyOf(data);
        }
    }

    /**
     * {@code POST /distributed/write}: the rows each distributed query returned and its status (0 = success).
     *
     * @param queries rows per query id, each row column → value
     * @param statuses status per query id; a non-zero status means the query failed on the agent
     */
    public record DistributedWriteRequest(
            String nodeKey, Map<String, List<Map<String, String>>> queries, Map<String, Integer> statuses) {
        public DistributedWriteRequest {
            Objects.requireNonNull(nodeKey, "nodeKey");
            queries = Map.copyOf(queries);
            statuses = Map.copyOf(statuses);
        }
    }

    /** Parses an enroll request; {@code enroll_secret} and {@code host_identifier} are required. */
    public static EnrollRequest parseEnroll(byte[] body) {
        JsonNode root = object(body);
        JsonNode details = root.path("host_details");
        return new EnrollRequest(
                requireText(root, "enroll_secret"),
                requireText(root, "host_identifier"),
                text(details.path("system_info"), "hostname"),
                text(details.path("system_info"), "uuid"),
                text(details.path("os_version"), "name"),
                text(details.path("os_version"), "platform"),
                text(details.path("osquery_info"), "version"));
    }

    /** The {@code node_key} of a config or distributed-read request (both carry only that). */
    public static String parseNodeKey(byte[] body) {
        return requireText(object(body), "node_key");
    }

    /** Parses a logger request; {@code log_type} must be {@code result} or {@code status}. */
    public static LogRequest parseLog(byte[] body) {
        JsonNode root = object(body);
        String type = requireText(root, "log_type");
        LogType logType =
                switch (type) {
                    case "result" -> LogType.RESULT;
                    case "status" -> LogType.STATUS;
                    default -> throw new ProtocolException("log_type must be 'result' or 'status', was '" + type + "'");
                };
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new ProtocolException("missing field 'data' (an array)");
        }
        List<JsonNode> entries = new ArrayList<>(data.size());
        data.forEach(entries::add);
        return new LogRequest(requireText(root, "node_key"), logType, entries);
    }

    /** Parses a distributed write request; every value is kept as text, as osquery sends it. */
    public static DistributedWriteRequest parseDistributedWrite(byte[] body) {
        JsonNode root = object(body);
        Map<String, List<Map<String, String>>> queries = new LinkedHashMap<>();
        JsonNode qs = root.path("queries");
        if (!qs.isObject()) {
            throw new ProtocolException("missing field 'queries' (an object)");
        }
        for (Map.Entry<String, JsonNode> q : qs.properties()) {
            if (!q.getValue().isArray()) {
                throw new ProtocolException("queries." + q.getKey() + " must be an array");
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (JsonNode row : q.getValue()) {
                Map<String, String> r = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> c : row.properties()) {
                    r.put(c.getKey(), c.getValue().isNull() ? "" : c.getValue().asString());
                }
                rows.add(Map.copyOf(r));
            }
            queries.put(q.getKey(), rows);
        }
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> s : root.path("statuses").properties()) {
            if (!s.getValue().isIntegralNumber()) {
                throw new ProtocolException("statuses." + s.getKey() + " must be a number");
            }
            statuses.put(s.getKey(), s.getValue().asInt());
        }
        return new DistributedWriteRequest(requireText(root, "node_key"), queries, statuses);
    }

    /** {@code {"node_key": …, "node_invalid": false}}, the answer to a successful enrollment. */
    public static String enrollResponse(String nodeKey) {
        ObjectNode o = OsqueryResultImporter.JSON.createObjectNode();
        o.put("node_key", nodeKey);
        o.put("node_invalid", false);
        return o.toString();
    }

    /**
     * {@code {"node_invalid": …}}: the answer to a log or distributed write, and (with true) to any request
     * with an unknown node key or a wrong enroll secret, which makes the agent enroll again.
     */
    public static String nodeResponse(boolean nodeInvalid) {
        ObjectNode o = OsqueryResultImporter.JSON.createObjectNode();
        o.put("node_invalid", nodeInvalid);
        return o.toString();
    }

    /**
     * The config for an agent: the pack, decorators that stamp every result line with host name and UUID (so
     * console CSV rows by host name land on the same endpoint), and {@code node_invalid: false}.
     */
    public static String configResponse(OsqueryPack pack) {
        ObjectNode o = OsqueryResultImporter.JSON.createObjectNode();
        ObjectNode options = o.putObject("options");
        options.put("host_identifier", "uuid");
        options.put("schedule_splay_percent", 10);
        options.put("pack_delimiter", "_");
        ObjectNode decorators = o.putObject("decorators");
        decorators
                .putArray("load")
                .add("SELECT uuid AS host_uuid FROM system_info;")
                .add("SELECT hostname FROM system_info;");
        o.putObject("packs").set(pack.name(), pack.toJson());
        o.put("node_invalid", false);
        return o.toString();
    }

    /** {@code {"queries": {id: sql}, "node_invalid": false}}: the ad-hoc queries waiting for an agent. */
    public static String distributedReadResponse(Map<String, String> queries) {
        ObjectNode o = OsqueryResultImporter.JSON.createObjectNode();
        ObjectNode qs = o.putObject("queries");
        queries.forEach(qs::put);
        o.put("node_invalid", false);
        return o.toString();
    }

    /** Whether a presented enroll secret equals the expected one, in time independent of where they differ. */
    public static boolean secretMatches(String presented, String expected) {
        return MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh random node key (256 bits, URL-safe Base64). */
    public static String newNodeKey() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static JsonNode object(byte[] body) {
        if (body.length > MAX_REQUEST_BYTES) {
            throw new ProtocolException("request larger than " + MAX_REQUEST_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = OsqueryResultImporter.JSON.readTree(body);
        } catch (JacksonException e) {
            throw new ProtocolException("malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ProtocolException("request body must be a JSON object");
        }
        return root;
    }

    private static String requireText(JsonNode o, String field) {
        String s = text(o, field);
        if (s == null) {
            throw new ProtocolException("missing field '" + field + "'");
        }
        return s;
    }

    private static @Nullable String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isValueNode() || v.isNull()) {
            return null;
        }
        String s = v.asString();
        return s.isBlank() ? null : s;
    }
}
