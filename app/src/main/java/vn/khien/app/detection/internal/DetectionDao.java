package vn.khien.app.detection.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.detection.Alert;
import vn.khien.app.detection.Evidence;
import vn.khien.app.detection.LogSource;
import vn.khien.app.platform.UnitScope;

/** SQL for log sources, alerts and their evidence. Alert reads filter by the caller's scope. */
@Repository
public class DetectionDao {
    /** Evidence lines kept per alert. */
    public static final int EVIDENCE_KEPT = 20;

    private static final String SELECT_ALERT = """
            select a.*, s.name as source_name from alert a left join log_source s on s.id = a.log_source_id
            """;

    private final JdbcClient jdbc;

    public DetectionDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String scoped(UnitScope scope) {
        return scope.all() ? "true" : "a.unit_id = any(:scope)";
    }

    static JdbcClient.StatementSpec bindScope(JdbcClient.StatementSpec spec, UnitScope scope) {
        return scope.all() ? spec : spec.param("scope", scope.unitIds().toArray(Long[]::new));
    }

    /** The id of the source named {@code name}, created if new. */
    public long source(String name, String kind, @Nullable String format) {
        return jdbc.sql("""
                        insert into log_source as s (name, kind, format) values (:name, :kind, :format)
                        on conflict (name) do update set format = coalesce(excluded.format, s.format)
                        returning id
                        """)
                .param("name", name)
                .param("kind", kind)
                .param("format", format)
                .query(Long.class)
                .single();
    }

    public void count(long sourceId, long lines, long malformed, long matched, long dropped, Instant now) {
        jdbc.sql("""
                        update log_source set lines = lines + :lines, malformed = malformed + :malformed,
                            matched = matched + :matched, dropped = dropped + :dropped, last_seen = :now
                        where id = :id
                        """)
                .param("lines", lines)
                .param("malformed", malformed)
                .param("matched", matched)
                .param("dropped", dropped)
                .param("now", Timestamp.from(now))
                .param("id", sourceId)
                .update();
    }

    public List<LogSource> sources() {
        return jdbc.sql("select * from log_source order by name")
                .query((rs, n) -> new LogSource(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("kind"),
                        rs.getString("format"),
                        rs.getLong("lines"),
                        rs.getLong("malformed"),
                        rs.getLong("matched"),
                        rs.getLong("dropped"),
                        instant(rs, "last_seen")))
                .list();
    }

    /** One alert's new sightings, to add to the alert (created when new). */
    public record Sighting(
            String rule,
            String sourceIp,
            String indicatorType,
            String indicatorValue,
            String observed,
            @Nullable Long unitId,
            @Nullable String network,
            String feed,
            int confidence,
            @Nullable String tlp,
            List<String> tags,
            String severity,
            Instant firstSeen,
            Instant lastSeen,
            long count,
            long sourceId,
            @Nullable Long endpointId,
            @Nullable String endpointName) {}

    /** The alert a sighting went to, and whether it was created by it. */
    public record Upserted(long id, boolean created) {}

    public Upserted upsert(Sighting s) {
        return jdbc.sql("""
                        insert into alert as a (rule, source_ip, indicator_type, indicator_value, observed, unit_id,
                                                network, feed, confidence, tlp, tags, severity, first_seen, last_seen,
                                                count, log_source_id, endpoint_id, endpoint_name)
                        values (:rule, :ip, :type, :value, :observed, :unit, :network, :feed, :confidence, :tlp,
                                :tags, :severity, :first, :last, :count, :source, :endpoint, :endpointName)
                        on conflict (rule, source_ip, indicator_type, indicator_value) do update set
                            count = a.count + excluded.count,
                            first_seen = least(a.first_seen, excluded.first_seen),
                            last_seen = greatest(a.last_seen, excluded.last_seen),
                            observed = excluded.observed,
                            unit_id = coalesce(excluded.unit_id, a.unit_id),
                            network = coalesce(excluded.network, a.network),
                            endpoint_id = coalesce(excluded.endpoint_id, a.endpoint_id),
                            endpoint_name = coalesce(excluded.endpoint_name, a.endpoint_name),
                            log_source_id = excluded.log_source_id,
                            status = case when a.status = 'RESOLVED' then 'OPEN' else a.status end
                        returning id, (xmax = 0) as created
                        """)
                .param("rule", s.rule())
                .param("ip", s.sourceIp())
                .param("type", s.indicatorType())
                .param("value", s.indicatorValue())
                .param("observed", s.observed())
                .param("unit", s.unitId())
                .param("network", s.network())
                .param("feed", s.feed())
                .param("confidence", s.confidence())
                .param("tlp", s.tlp())
                .param("tags", s.tags().toArray(String[]::new))
                .param("severity", s.severity())
                .param("first", Timestamp.from(s.firstSeen()))
                .param("last", Timestamp.from(s.lastSeen()))
                .param("count", s.count())
                .param("source", s.sourceId())
                .param("endpoint", s.endpointId())
                .param("endpointName", s.endpointName())
                .query((rs, n) -> new Upserted(rs.getLong("id"), rs.getBoolean("created")))
                .single();
    }

    /** Adds evidence lines and trims every touched alert to its last {@link #EVIDENCE_KEPT} lines. */
    public void addEvidence(List<Long> alertIds, List<Evidence> lines) {
        if (lines.isEmpty()) {
            return;
        }
        int n = lines.size();
        Long[] ids = alertIds.toArray(Long[]::new);
        String[] at = new String[n];
        String[] source = new String[n];
        Long[] lineNo = new Long[n];
        String[] raw = new String[n];
        for (int i = 0; i < n; i++) {
            Evidence e = lines.get(i);
            at[i] = e.seenAt().toString();
            source[i] = e.source();
            lineNo[i] = e.line();
            raw[i] = e.raw().length() > 4000
                    ? e.raw().substring(0, 4000)
                    : e.raw().replace('\u0000', ' ');
        }
        jdbc.sql("""
                        insert into alert_evidence (alert_id, seen_at, source, line_no, raw)
                        select * from unnest(cast(:ids as bigint[]), cast(:at as timestamptz[]),
                                             cast(:source as text[]), cast(:line as bigint[]), cast(:raw as text[]))
                        """)
                .param("ids", ids)
                .param("at", at)
                .param("source", source)
                .param("line", lineNo)
                .param("raw", raw)
                .update();
        jdbc.sql("""
                        delete from alert_evidence where id in (
                            select id from (
                                select id, row_number() over (partition by alert_id order by id desc) as rn
                                from alert_evidence where alert_id = any(:ids)) x
                            where x.rn > :kept)
                        """)
                .param("ids", alertIds.stream().distinct().toArray(Long[]::new))
                .param("kept", EVIDENCE_KEPT)
                .update();
    }

    /** Filter of the alerts list. */
    public record Filter(
            @Nullable Long unitId,
            @Nullable String severity,
            @Nullable String status,
            @Nullable String rule) {}

    public List<Alert> alerts(UnitScope scope, Filter f, int limit, int offset) {
        StringBuilder where = new StringBuilder(" where ").append(scoped(scope));
        if (f.unitId() != null) {
            where.append(" and a.unit_id = :unit");
        }
        if (f.severity() != null) {
            where.append(" and a.severity = :severity");
        }
        if (f.status() != null) {
            where.append(" and a.status = :status");
        }
        if (f.rule() != null) {
            where.append(" and a.rule = :rule");
        }
        var spec = jdbc.sql(SELECT_ALERT + where + " order by a.last_seen desc, a.id desc limit :limit offset :offset")
                .param("limit", limit)
                .param("offset", offset);
        if (f.unitId() != null) {
            spec = spec.param("unit", f.unitId());
        }
        if (f.severity() != null) {
            spec = spec.param("severity", f.severity());
        }
        if (f.status() != null) {
            spec = spec.param("status", f.status());
        }
        if (f.rule() != null) {
            spec = spec.param("rule", f.rule());
        }
        return bindScope(spec, scope).query(DetectionDao::alert).list();
    }

    public Optional<Alert> alert(UnitScope scope, long id) {
        return bindScope(
                        jdbc.sql(SELECT_ALERT + " where a.id = :id and " + scoped(scope))
                                .param("id", id),
                        scope)
                .query(DetectionDao::alert)
                .optional();
    }

    public List<Evidence> evidence(long alertId) {
        return jdbc.sql("select * from alert_evidence where alert_id = :id order by id desc")
                .param("id", alertId)
                .query((rs, n) -> new Evidence(
                        instant(rs, "seen_at"), rs.getString("source"), rs.getLong("line_no"), rs.getString("raw")))
                .list();
    }

    public void status(long id, String status) {
        jdbc.sql("update alert set status = :s where id = :id")
                .param("s", status)
                .param("id", id)
                .update();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Alert alert(ResultSet rs, int n) throws SQLException {
        Array tags = rs.getArray("tags");
        return new Alert(
                rs.getLong("id"),
                rs.getString("rule"),
                rs.getString("source_ip"),
                rs.getString("indicator_type"),
                rs.getString("indicator_value"),
                rs.getString("observed"),
                (Long) rs.getObject("unit_id"),
                rs.getString("network"),
                rs.getString("feed"),
                rs.getInt("confidence"),
                rs.getString("tlp"),
                tags == null ? List.of() : new ArrayList<>(List.of((String[]) tags.getArray())),
                rs.getString("severity"),
                rs.getString("status"),
                instant(rs, "first_seen"),
                instant(rs, "last_seen"),
                rs.getLong("count"),
                rs.getString("source_name"),
                (Long) rs.getObject("endpoint_id"),
                rs.getString("endpoint_name"));
    }
}
