package vn.khien.core.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An osquery query pack: Khiên's own ({@link #khien()}, the resource {@code osquery/khien-pack.conf}) or one an
 * administrator supplies, validated so every query has SQL and a positive interval.
 *
 * @param name the pack name, which prefixes logged query names ({@code pack_khien_programs})
 * @param queries the scheduled queries by name, in file order
 */
public record OsqueryPack(String name, Map<String, ScheduledQuery> queries) {
    /** Resource path of Khiên's pack. */
    public static final String RESOURCE = "/vn/khien/core/inventory/osquery/khien-pack.conf";

    /**
     * One scheduled query of a pack.
     *
     * @param interval seconds between runs, at least 1
     * @param platform osquery platform filter ({@code all}, {@code windows}, {@code linux}, {@code posix}, ...)
     * @param snapshot whether results are logged whole each time (otherwise as differences)
     */
    public record ScheduledQuery(
            String name, String sql, int interval, String platform, boolean snapshot, String description) {
        public ScheduledQuery {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sql, "sql");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(description, "description");
            if (sql.isBlank()) {
                throw new IllegalArgumentException("query '" + name + "' has no SQL");
            }
            if (interval < 1) {
                throw new IllegalArgumentException("query '" + name + "' interval must be >= 1, was " + interval);
            }
        }
    }

    public OsqueryPack {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException(
                    "pack name '" + name + "' must be lower-case letters, digits, '_' or '-'");
        }
        queries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(queries));
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("pack '" + name + "' has no queries");
        }
    }

    /** Khiên's pack, read from the classpath. */
    public static OsqueryPack khien() {
        try (InputStream in = OsqueryPack.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse("khien", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses an osquery pack file.
     *
     * @throws IllegalArgumentException naming the query and field when the pack is malformed
     */
    public static OsqueryPack parse(String name, InputStream in) {
        JsonNode root;
        try {
            root = OsqueryResultImporter.JSON.readTree(in);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("pack '" + name + "' is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode qs = root.get("queries");
        if (qs == null || !qs.isObject()) {
            throw new IllegalArgumentException("pack '" + name + "': missing field 'queries'");
        }
        Map<String, ScheduledQuery> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : qs.properties()) {
            JsonNode q = e.getValue();
            String sql = q.path("query").asString("");
            if (sql.isBlank()) {
                throw new IllegalArgumentException("pack '" + name + "': queries." + e.getKey() + ".query is missing");
            }
            JsonNode interval = q.get("interval");
            if (interval == null || !interval.isIntegralNumber()) {
                throw new IllegalArgumentException(
                        "pack '" + name + "': queries." + e.getKey() + ".interval must be a whole number");
            }
            out.put(
                    e.getKey(),
                    new ScheduledQuery(
                            e.getKey(),
                            sql,
                            interval.asInt(),
                            q.path("platform").asString("all"),
                            q.path("snapshot").asBoolean(false),
                            q.path("description").asString("")));
        }
        return new OsqueryPack(name, out);
    }

    /** The pack as osquery expects it inside a config's {@code packs} object. */
    public ObjectNode toJson() {
        ObjectNode root = OsqueryResultImporter.JSON.createObjectNode();
        ObjectNode qs = root.putObject("queries");
        for (ScheduledQuery q : queries.values()) {
            ObjectNode o = qs.putObject(q.name());
            o.put("query", q.sql());
            o.put("interval", q.interval());
            o.put("platform", q.platform());
            if (q.snapshot()) {
                o.put("snapshot", true);
            }
            if (!q.description().isEmpty()) {
                o.put("description", q.description());
            }
        }
        return root;
    }
}
