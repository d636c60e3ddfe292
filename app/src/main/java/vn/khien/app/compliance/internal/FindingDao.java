package vn.khien.app.compliance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.compliance.Finding;
import vn.khien.app.compliance.FindingEvent;
import vn.khien.app.compliance.FindingFilter;
import vn.khien.app.platform.UnitScope;

/** SQL for findings and their history. */
@Repository
public class FindingDao {
    private static final String SELECT = """
            select f.*,
                   exists (select 1 from compliance_exception x where x.finding_id = f.id and x.status = 'APPROVED'
                           and x.expires_on >= :today) as exempted
            from finding f
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public FindingDao(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A failure to record: the natural key and what to store. */
    public record Failure(
            String rule,
            String kind,
            String subject,
            @Nullable Long endpointId,
            @Nullable String subjectName,
            @Nullable Long unitId,
            String severity,
            String explanationVi,
            String explanationEn,
            String evidence) {
        String key() {
            return rule + '\u0001' + kind + '\u0001' + subject;
        }
    }

    private record Existing(long id, String status) {}

    /**
     * Upserts the failures, resolves open findings whose subject no longer fails, and writes history for every
     * status change.
     *
     * @return {opened (new or reopened), resolved}
     */
    public int[] apply(List<Failure> failures, String packId, String packVersion, Instant now) {
        return apply(EVALUATOR, null, failures, packId, packVersion, now);
    }

    /** The source of the findings the rule evaluator writes. */
    public static final String EVALUATOR = "evaluator";

    /**
     * As {@link #apply(List, String, String, Instant)} for the findings of one source, limited to {@code rules}
     * when not null: findings of other sources and rules are left alone.
     */
    public int[] apply(
            String source,
            java.util.@Nullable Collection<String> rules,
            List<Failure> failures,
            String packId,
            String packVersion,
            Instant now) {
        // one evaluation at a time writes findings (after an import, nightly, after an exception decision)
        jdbc.sql("select pg_advisory_xact_lock(7301002)").query(Object.class).single();
        Map<String, Existing> existing = new HashMap<>();
        var load = jdbc.sql("select id, rule_id, subject_kind, subject_id, status from finding where source = :source"
                        + (rules == null ? "" : " and rule_id = any(:rules)"))
                .param("source", source);
        if (rules != null) {
            load = load.param("rules", rules.toArray(String[]::new));
        }
        load.query(rs -> {
            existing.put(
                    rs.getString(2) + '\u0001' + rs.getString(3) + '\u0001' + rs.getString(4),
                    new Existing(rs.getLong(1), rs.getString(5)));
        });
        Timestamp at = Timestamp.from(now);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> insertHistory = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        java.util.Set<Long> stillFailing = new java.util.HashSet<>();
        for (Failure f : failures) {
            Existing e = existing.get(f.key());
            if (e == null) {
                inserts.add(new Object[] {
                    f.rule(),
                    f.kind(),
                    f.subject(),
                    f.endpointId(),
                    f.subjectName(),
                    f.unitId(),
                    f.severity(),
                    packId,
                    packVersion,
                    at,
                    at,
                    f.explanationVi(),
                    f.explanationEn(),
                    f.evidence(),
                    source
                });
                insertHistory.add(new Object[] {at, f.rule(), f.kind(), f.subject()});
            } else {
                stillFailing.add(e.id());
                updates.add(new Object[] {
                    f.endpointId(),
                    f.subjectName(),
                    f.unitId(),
                    f.severity(),
                    packId,
                    packVersion,
                    at,
                    f.explanationVi(),
                    f.explanationEn(),
                    f.evidence(),
                    e.id()
                });
                if (!"OPEN".equals(e.status())) {
                    history.add(new Object[] {e.id(), at, "OPEN", "reopened"});
                }
            }
        }
        List<Object[]> resolves = new ArrayList<>();
        for (Existing e : existing.values()) {
            if ("OPEN".equals(e.status()) && !stillFailing.contains(e.id())) {
                resolves.add(new Object[] {at, e.id()});
                history.add(new Object[] {e.id(), at, "RESOLVED", "resolved"});
            }
        }
        batch("""
                insert into finding (rule_id, subject_kind, subject_id, endpoint_id, subject_name, unit_id, severity, status,
                    pack_id, pack_version, first_seen, last_seen, explanation_vi, explanation_en, evidence, source)
                values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                """, inserts);
        batch("""
                insert into finding_history (finding_id, at, status, note)
                select id, ?, 'OPEN', 'opened' from finding where rule_id = ? and subject_kind = ? and subject_id = ?
                """, insertHistory);
        batch("""
                update finding set endpoint_id = ?, subject_name = ?, unit_id = ?, severity = ?, status = 'OPEN', resolved_at = null,
                    pack_id = ?, pack_version = ?, last_seen = ?, explanation_vi = ?, explanation_en = ?,
                    evidence = cast(? as jsonb)
                where id = ?
                """, updates);
        batch("update finding set status = 'RESOLVED', resolved_at = ? where id = ?", resolves);
        batch("insert into finding_history (finding_id, at, status, note) values (?, ?, ?, ?)", history);
        int reopened = (int) history.stream().filter(h -> "OPEN".equals(h[2])).count();
        return new int[] {inserts.size() + reopened, resolves.size()};
    }

    /** An open finding of a published source that no active exception covers. */
    public record OpenPublished(String source, long unitId, String rule, String subject) {}

    public List<OpenPublished> openPublished(LocalDate today) {
        return jdbc.sql("""
                        select f.source, f.unit_id, f.rule_id, f.subject_id from finding f
                        where f.source <> :evaluator and f.status = 'OPEN' and f.unit_id is not null
                          and not exists (select 1 from compliance_exception x where x.finding_id = f.id
                                          and x.status = 'APPROVED' and x.expires_on >= :today)
                        """)
                .param("evaluator", EVALUATOR)
                .param("today", today)
                .query((rs, n) -> new OpenPublished(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += 5000) {
            template.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 5000)));
        }
    }

    private static String scoped(UnitScope scope) {
        return scope.all() ? "true" : "f.unit_id = any(:scope)";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UnitScope scope, LocalDate today) {
        spec = spec.param("today", today);
        return scope.all() ? spec : spec.param("scope", scope.unitIds().toArray(Long[]::new));
    }

    public List<Finding> list(UnitScope scope, FindingFilter f, LocalDate today, int limit, int offset) {
        StringBuilder where = new StringBuilder(" where " + scoped(scope));
        Map<String, Object> params = new HashMap<>();
        if (f.rule() != null && !f.rule().isBlank()) {
            where.append(" and f.rule_id = :rule");
            params.put("rule", f.rule());
        }
        if (f.unitId() != null) {
            where.append(" and f.unit_id = :unit");
            params.put("unit", f.unitId());
        }
        if (f.status() != null && !f.status().isBlank()) {
            where.append(" and f.status = :status");
            params.put("status", f.status());
        }
        if (f.endpointId() != null) {
            where.append(" and f.endpoint_id = :endpoint");
            params.put("endpoint", f.endpointId());
        }
        var spec = jdbc.sql(SELECT + where
                        + " order by f.status, case f.severity when 'CRITICAL' then 0 when 'HIGH' then 1"
                        + " when 'MEDIUM' then 2 else 3 end, f.rule_id, f.subject_id limit :limit offset :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset);
        return bind(spec, scope, today).query(FindingDao::finding).list();
    }

    public Optional<Finding> find(UnitScope scope, long id, LocalDate today) {
        return bind(jdbc.sql(SELECT + " where f.id = :id and " + scoped(scope)).param("id", id), scope, today)
                .query(FindingDao::finding)
                .optional();
    }

    public List<FindingEvent> history(long findingId) {
        return jdbc.sql("select at, status, note from finding_history where finding_id = :id order by at, id")
                .param("id", findingId)
                .query((rs, n) -> new FindingEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static Finding finding(ResultSet rs, int n) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Finding(
                rs.getLong("id"),
                rs.getString("rule_id"),
                rs.getString("subject_kind"),
                rs.getString("subject_id"),
                (Long) rs.getObject("endpoint_id", Long.class),
                rs.getString("subject_name"),
                (Long) rs.getObject("unit_id", Long.class),
                rs.getString("status"),
                rs.getString("severity"),
                rs.getString("pack_id"),
                rs.getString("pack_version"),
                rs.getTimestamp("first_seen").toInstant(),
                rs.getTimestamp("last_seen").toInstant(),
                resolved == null ? null : resolved.toInstant(),
                rs.getString("explanation_vi"),
                rs.getString("explanation_en"),
                rs.getString("evidence"),
                rs.getBoolean("exempted"));
    }
}
