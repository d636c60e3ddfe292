package vn.khien.app.inventory.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.inventory.ImportSummary;
import vn.khien.app.platform.UnitScope;

/** SQL for the record of imports. */
@Repository
public class ImportDao {
    private final JdbcClient jdbc;

    public ImportDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            String kind,
            String sourceName,
            @Nullable Long unitId,
            String actor,
            Instant at,
            long read,
            long accepted,
            long rejected,
            int changed,
            int added,
            String reportJson) {
        return jdbc.sql("""
                        insert into inventory_import (kind, source_name, unit_id, actor, started_at, read_count, accepted,
                            rejected, endpoints_changed, endpoints_new, report)
                        values (:kind, :name, :unit, :actor, :at, :read, :accepted, :rejected, :changed, :added,
                            cast(:report as jsonb))
                        returning id
                        """)
                .param("kind", kind)
                .param("name", sourceName)
                .param("unit", unitId)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .param("read", read)
                .param("accepted", accepted)
                .param("rejected", rejected)
                .param("changed", changed)
                .param("added", added)
                .param("report", reportJson)
                .query(Long.class)
                .single();
    }

    /** The stored report (JSON) of one import in scope. */
    public java.util.Optional<String> report(UnitScope scope, long id) {
        String where = scope.all() ? "true" : "unit_id = any(:scope)";
        var spec = jdbc.sql("select report::text from inventory_import where id = :id and " + where)
                .param("id", id);
        if (!scope.all()) {
            spec = spec.param("scope", scope.unitIds().toArray(Long[]::new));
        }
        return spec.query(String.class).optional();
    }

    public List<ImportSummary> recent(UnitScope scope, int limit) {
        String where = scope.all() ? "true" : "unit_id = any(:scope)";
        var spec = jdbc.sql("select id, kind, source_name, actor, started_at, read_count, accepted, rejected,"
                        + " endpoints_new, endpoints_changed from inventory_import where " + where
                        + " order by id desc limit :limit")
                .param("limit", limit);
        if (!scope.all()) {
            spec = spec.param("scope", scope.unitIds().toArray(Long[]::new));
        }
        return spec.query((rs, n) -> new ImportSummary(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("source_name"),
                        rs.getString("actor"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getLong("read_count"),
                        rs.getLong("accepted"),
                        rs.getLong("rejected"),
                        rs.getInt("endpoints_new"),
                        rs.getInt("endpoints_changed")))
                .list();
    }
}
