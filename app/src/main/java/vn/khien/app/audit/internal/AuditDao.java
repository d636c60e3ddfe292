package vn.khien.app.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.audit.AuditEntry;
import vn.khien.app.audit.AuditFilter;
import vn.khien.app.audit.ChainVerification;
import vn.khien.app.platform.UnitScope;

/** SQL for the audit trail. Appends are serialised by a transaction-scoped advisory lock. */
@Repository
public class AuditDao {
    /** Arbitrary constant naming the audit chain's advisory lock. */
    private static final long CHAIN_LOCK = 0x4B4849454E_01L;

    private final JdbcClient jdbc;

    public AuditDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(
            String actor,
            Instant at,
            String action,
            String entityType,
            @Nullable String entityId,
            @Nullable Long unitId,
            @Nullable String before,
            @Nullable String after) {
        jdbc.sql("select pg_advisory_xact_lock(:k)")
                .param("k", CHAIN_LOCK)
                .query(Object.class)
                .single();
        record Head(long seq, String hash) {}
        Head head = jdbc.sql("select seq, hash from audit_event order by seq desc limit 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElse(new Head(0, AuditHash.GENESIS));
        long seq = head.seq() + 1;
        String hash = AuditHash.of(seq, at, actor, action, entityType, entityId, unitId, before, after, head.hash());
        jdbc.sql("""
                        insert into audit_event (seq, at, actor, action, entity_type, entity_id, unit_id, before, after,
                                                 prev_hash, hash)
                        values (:seq, :at, :actor, :action, :type, :eid, :unit, :before, :after, :prev, :hash)
                        """)
                .param("seq", seq)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("action", action)
                .param("type", entityType)
                .param("eid", entityId)
                .param("unit", unitId)
                .param("before", before)
                .param("after", after)
                .param("prev", head.hash())
                .param("hash", hash)
                .update();
    }

    public List<AuditEntry> list(UnitScope scope, AuditFilter f, ZoneId zone, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select * from audit_event where ");
        sql.append(scope.all() ? "true" : "unit_id = any(:scope)");
        if (f.actor() != null) {
            sql.append(" and actor ilike :actor");
        }
        if (f.action() != null) {
            sql.append(" and action = :action");
        }
        if (f.entityType() != null) {
            sql.append(" and entity_type = :etype");
        }
        if (f.from() != null) {
            sql.append(" and at >= :from");
        }
        if (f.to() != null) {
            sql.append(" and at < :to");
        }
        sql.append(" order by seq desc limit :limit offset :offset");
        JdbcClient.StatementSpec spec =
                jdbc.sql(sql.toString()).param("limit", limit).param("offset", offset);
        if (!scope.all()) {
            spec = spec.param("scope", scope.unitIds().toArray(Long[]::new));
        }
        if (f.actor() != null) {
            spec = spec.param("actor", "%" + f.actor() + "%");
        }
        if (f.action() != null) {
            spec = spec.param("action", f.action());
        }
        if (f.entityType() != null) {
            spec = spec.param("etype", f.entityType());
        }
        if (f.from() != null) {
            spec = spec.param("from", Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            spec = spec.param(
                    "to", Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return spec.query(AuditDao::entry).list();
    }

    public List<AuditEntry> forEntity(String entityType, String entityId, int limit) {
        return jdbc.sql(
                        "select * from audit_event where entity_type = :t and entity_id = :id order by seq desc limit :l")
                .param("t", entityType)
                .param("id", entityId)
                .param("l", limit)
                .query(AuditDao::entry)
                .list();
    }

    public ChainVerification verify() {
        final long[] checked = {0};
        final String[] prev = {AuditHash.GENESIS};
        final long[] expectedSeq = {1};
        final Long[] broken = {null};
        final String[] reason = {null};
        jdbc.sql("select * from audit_event order by seq").query(rs -> {
            if (broken[0] != null) {
                return;
            }
            long seq = rs.getLong("seq");
            String storedPrev = rs.getString("prev_hash");
            String hash = rs.getString("hash");
            String recomputed = AuditHash.of(
                    seq,
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getString("entity_type"),
                    rs.getString("entity_id"),
                    (Long) rs.getObject("unit_id"),
                    rs.getString("before"),
                    rs.getString("after"),
                    storedPrev);
            if (seq != expectedSeq[0]) {
                broken[0] = seq;
                reason[0] = "row " + expectedSeq[0] + " is missing (next row is " + seq + ")";
            } else if (!Objects.equals(storedPrev, prev[0])) {
                broken[0] = seq;
                reason[0] = "row " + seq + " does not follow the hash of row " + (seq - 1);
            } else if (!recomputed.equals(hash)) {
                broken[0] = seq;
                reason[0] = "row " + seq + " was modified after it was written";
            } else {
                checked[0]++;
                prev[0] = hash;
                expectedSeq[0] = seq + 1;
            }
        });
        return new ChainVerification(broken[0] == null, checked[0], broken[0], reason[0]);
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                (Long) rs.getObject("unit_id"),
                rs.getString("before"),
                rs.getString("after"),
                rs.getString("hash"));
    }
}
