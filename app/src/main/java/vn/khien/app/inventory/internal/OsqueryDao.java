package vn.khien.app.inventory.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.inventory.DistributedQuery;
import vn.khien.app.inventory.EnrollSecret;
import vn.khien.app.platform.UnitScope;

/** SQL for osquery enroll secrets and nodes; secrets and node keys are stored only as SHA-256 hashes. */
@Repository
public class OsqueryDao {
    private final JdbcClient jdbc;

    public OsqueryDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A node as the TLS endpoints need it. */
    public record Node(long id, String hostIdentifier, long unitId) {}

    /** An active secret: its id and unit. */
    public record Secret(long id, long unitId) {}

    public long insertSecret(long unitId, String label, String hash, String actor, Instant at) {
        return jdbc.sql("insert into osquery_enroll_secret (unit_id, label, secret_hash, created_by, created_at)"
                        + " values (:unit, :label, :hash, :actor, :at) returning id")
                .param("unit", unitId)
                .param("label", label)
                .param("hash", hash)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    public Optional<Secret> activeSecret(String hash) {
        return jdbc.sql("select id, unit_id from osquery_enroll_secret where secret_hash = :h and revoked_at is null")
                .param("h", hash)
                .query((rs, n) -> new Secret(rs.getLong(1), rs.getLong(2)))
                .optional();
    }

    public List<EnrollSecret> secrets(UnitScope scope) {
        String where = scope.all() ? "true" : "s.unit_id = any(:scope)";
        var spec = jdbc.sql("select s.id, s.unit_id, s.label, s.created_by, s.created_at, s.revoked_at,"
                + " (select count(*) from osquery_node n where n.secret_id = s.id) as nodes"
                + " from osquery_enroll_secret s where " + where + " order by s.id desc");
        if (!scope.all()) {
            spec = spec.param("scope", scope.unitIds().toArray(Long[]::new));
        }
        return spec.query((rs, n) -> new EnrollSecret(
                        rs.getLong("id"),
                        rs.getLong("unit_id"),
                        rs.getString("label"),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null
                                ? null
                                : rs.getTimestamp("revoked_at").toInstant(),
                        rs.getLong("nodes")))
                .list();
    }

    public Optional<EnrollSecret> secret(UnitScope scope, long id) {
        return secrets(scope).stream().filter(s -> s.id() == id).findFirst();
    }

    public void revoke(long id, Instant at) {
        jdbc.sql("update osquery_enroll_secret set revoked_at = :at where id = :id and revoked_at is null")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
        jdbc.sql("delete from osquery_node where secret_id = :id")
                .param("id", id)
                .update();
    }

    public void insertNode(
            String keyHash,
            String hostIdentifier,
            @Nullable String hostname,
            long unitId,
            long secretId,
            @Nullable String version,
            Instant at) {
        jdbc.sql("""
                        insert into osquery_node (node_key_hash, host_identifier, hostname, unit_id, secret_id,
                            osquery_version, enrolled_at, last_contact)
                        values (:hash, :host, :hostname, :unit, :secret, :version, :at, :at)
                        """)
                .param("hash", keyHash)
                .param("host", hostIdentifier)
                .param("hostname", hostname)
                .param("unit", unitId)
                .param("secret", secretId)
                .param("version", version)
                .param("at", Timestamp.from(at))
                .update();
    }

    public Optional<Node> node(String keyHash, Instant now) {
        Optional<Node> node = jdbc.sql("select id, host_identifier, unit_id from osquery_node where node_key_hash = :h")
                .param("h", keyHash)
                .query((rs, n) -> new Node(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .optional();
        node.ifPresent(n -> jdbc.sql("update osquery_node set last_contact = :at where id = :id")
                .param("at", Timestamp.from(now))
                .param("id", n.id())
                .update());
        return node;
    }

    public long insertQuery(long unitId, String sql, String actor, Instant at) {
        return jdbc.sql("insert into osquery_distributed_query (unit_id, sql, created_by, created_at)"
                        + " values (:unit, :sql, :actor, :at) returning id")
                .param("unit", unitId)
                .param("sql", sql)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    /** Queries of the node's unit (queued in the last 7 days) the node has not answered yet: id → SQL. */
    public Map<String, String> pendingQueries(Node node, Instant now) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("""
                        select q.id, q.sql from osquery_distributed_query q
                        where q.unit_id = :unit and q.created_at > :since
                          and not exists (select 1 from osquery_distributed_result r
                                          where r.query_id = q.id and r.node_id = :node)
                        order by q.id limit 20
                        """)
                .param("unit", node.unitId())
                .param("since", Timestamp.from(now.minus(Duration.ofDays(7))))
                .param("node", node.id())
                .query(rs -> {
                    out.put("khien-" + rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    /** Stores one node's answer to one of its unit's queries (other units' query ids are ignored). */
    public void insertResult(long queryId, Node node, int status, int rowCount, String rowsJson, Instant at) {
        jdbc.sql("""
                        insert into osquery_distributed_result (query_id, node_id, host_identifier, status, row_count,
                            rows, received_at)
                        select q.id, :node, :host, :status, :count, cast(:rows as jsonb), :at
                        from osquery_distributed_query q where q.id = :query and q.unit_id = :unit
                        on conflict (query_id, node_id) do nothing
                        """)
                .param("node", node.id())
                .param("host", node.hostIdentifier())
                .param("status", status)
                .param("count", rowCount)
                .param("rows", rowsJson)
                .param("at", Timestamp.from(at))
                .param("query", queryId)
                .param("unit", node.unitId())
                .update();
    }

    public List<DistributedQuery> queries(UnitScope scope) {
        String where = scope.all() ? "true" : "q.unit_id = any(:scope)";
        var spec = jdbc.sql("select q.id, q.unit_id, q.sql, q.created_by, q.created_at,"
                + " (select count(*) from osquery_distributed_result r where r.query_id = q.id) as answers,"
                + " (select coalesce(sum(r.row_count), 0) from osquery_distributed_result r where r.query_id = q.id)"
                + " as row_total from osquery_distributed_query q where " + where + " order by q.id desc limit 100");
        if (!scope.all()) {
            spec = spec.param("scope", scope.unitIds().toArray(Long[]::new));
        }
        return spec.query((rs, n) -> new DistributedQuery(
                        rs.getLong("id"),
                        rs.getLong("unit_id"),
                        rs.getString("sql"),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getLong("answers"),
                        rs.getLong("row_total")))
                .list();
    }
}
