package vn.khien.app.incidents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.app.incidents.AlertSummary;
import vn.khien.app.incidents.Evidence;
import vn.khien.app.incidents.Incident;
import vn.khien.app.incidents.IncidentCategory;
import vn.khien.app.incidents.IncidentStatus;
import vn.khien.app.incidents.IncidentTask;
import vn.khien.app.incidents.InitialReportForm;
import vn.khien.app.incidents.Severity;
import vn.khien.app.incidents.TaskPhase;
import vn.khien.app.incidents.TimelineEntry;
import vn.khien.app.platform.UnitScope;

/** SQL for incidents, their alerts, tasks, timeline, escalations and evidence. Reads filter by the caller's scope. */
@Repository
public class IncidentDao {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final String SELECT = """
            select id, unit_id, title, category, severity, status, discovered_at, reported_at, reported_by, assignee,
                   affected, affected_ids, indicators, summary, lessons_learned, regime_id, pack_version, form::text as form
            from incident
            """;

    private final JdbcClient jdbc;

    public IncidentDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String scoped(UnitScope scope) {
        return scope.all() ? "true" : "unit_id = any(:scope)";
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UnitScope scope) {
        return scope.all() ? spec : spec.param("scope", scope.unitIds().toArray(Long[]::new));
    }

    public Optional<Incident> find(UnitScope scope, long id) {
        return bind(jdbc.sql(SELECT + " where id = :id and " + scoped(scope)).param("id", id), scope)
                .query(IncidentDao::incident)
                .optional();
    }

    public List<Incident> list(UnitScope scope, @Nullable IncidentStatus status, int limit) {
        String sql = SELECT + " where " + scoped(scope) + (status == null ? "" : " and status = :status")
                + " order by reported_at desc, id desc limit :limit";
        JdbcClient.StatementSpec spec = bind(jdbc.sql(sql), scope).param("limit", limit);
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        return spec.query(IncidentDao::incident).list();
    }

    /** Open incidents of the whole province, for the deadline check. */
    public List<Incident> open() {
        return jdbc.sql(SELECT + " where status in ('NEW', 'TRIAGED', 'RESPONDING') order by id")
                .query(IncidentDao::incident)
                .list();
    }

    public long insert(Incident i) {
        return jdbc.sql("""
                        insert into incident (unit_id, title, category, severity, status, discovered_at, reported_at,
                            reported_by, assignee, affected, affected_ids, indicators, summary, regime_id, pack_version, form)
                        values (:unit, :title, :category, :severity, :status, :discovered, :reported, :by, :assignee,
                            :affected, :affectedIds, :indicators, :summary, :regime, :pack, cast(:form as jsonb))
                        returning id
                        """)
                .param("unit", i.unitId())
                .param("title", i.title())
                .param("category", i.category().name())
                .param("severity", i.severity().name())
                .param("status", i.status().name())
                .param("discovered", Timestamp.from(i.discoveredAt()))
                .param("reported", Timestamp.from(i.reportedAt()))
                .param("by", i.reportedBy())
                .param("assignee", i.assignee())
                .param("affected", i.affected())
                .param("affectedIds", i.affectedIds())
                .param("indicators", i.indicators())
                .param("summary", i.summary())
                .param("regime", i.regimeId())
                .param("pack", i.packVersion())
                .param("form", JSON.writeValueAsString(i.form()))
                .query(Long.class)
                .single();
    }

    /** Writes the mutable fields of {@code i}. */
    public void update(Incident i) {
        jdbc.sql("""
                        update incident set title = :title, category = :category, severity = :severity, status = :status,
                            assignee = :assignee, affected = :affected, affected_ids = :affectedIds, indicators = :indicators,
                            summary = :summary, lessons_learned = :lessons, form = cast(:form as jsonb), updated_at = now()
                        where id = :id
                        """)
                .param("id", i.id())
                .param("title", i.title())
                .param("category", i.category().name())
                .param("severity", i.severity().name())
                .param("status", i.status().name())
                .param("assignee", i.assignee())
                .param("affected", i.affected())
                .param("affectedIds", i.affectedIds())
                .param("indicators", i.indicators())
                .param("summary", i.summary())
                .param("lessons", i.lessonsLearned())
                .param("form", JSON.writeValueAsString(i.form()))
                .update();
    }

    public Optional<Long> incidentOfAlert(String alertId) {
        return jdbc.sql("select incident_id from incident_alert where alert_id = :a")
                .param("a", alertId)
                .query(Long.class)
                .optional();
    }

    public void addAlert(long incidentId, AlertSummary a) {
        jdbc.sql("""
                        insert into incident_alert (incident_id, alert_id, source_ip, indicator, severity, first_seen)
                        values (:i, :a, :ip, :ind, :sev, :seen) on conflict (alert_id) do nothing
                        """)
                .param("i", incidentId)
                .param("a", a.alertId())
                .param("ip", a.sourceIp())
                .param("ind", a.indicator())
                .param("sev", a.severity().name())
                .param("seen", Timestamp.from(a.firstSeen()))
                .update();
    }

    public List<String> alertIds(long incidentId) {
        return jdbc.sql("select alert_id from incident_alert where incident_id = :i order by alert_id")
                .param("i", incidentId)
                .query(String.class)
                .list();
    }

    public long insertTask(long incidentId, TaskPhase phase, String title, @Nullable String owner, Instant at) {
        return jdbc.sql("""
                        insert into incident_task (incident_id, phase, title, owner, created_at)
                        values (:i, :phase, :title, :owner, :at) returning id
                        """)
                .param("i", incidentId)
                .param("phase", phase.name())
                .param("title", title)
                .param("owner", owner)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    public Optional<IncidentTask> task(long taskId) {
        return jdbc.sql("select * from incident_task where id = :id")
                .param("id", taskId)
                .query(IncidentDao::task)
                .optional();
    }

    public void completeTask(long taskId, Instant at) {
        jdbc.sql("update incident_task set done = true, done_at = :at where id = :id")
                .param("id", taskId)
                .param("at", Timestamp.from(at))
                .update();
    }

    public List<IncidentTask> tasks(long incidentId) {
        return jdbc.sql("select * from incident_task where incident_id = :i order by phase, id")
                .param("i", incidentId)
                .query(IncidentDao::task)
                .list();
    }

    public void event(long incidentId, Instant at, String actor, String kind, String text) {
        jdbc.sql(
                        "insert into incident_event (incident_id, at, actor, kind, text) values (:i, :at, :actor, :kind, :text)")
                .param("i", incidentId)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("kind", kind)
                .param("text", text)
                .update();
    }

    public List<TimelineEntry> timeline(long incidentId) {
        return jdbc.sql("select * from incident_event where incident_id = :i order by at, id")
                .param("i", incidentId)
                .query((rs, n) -> new TimelineEntry(
                        rs.getLong("id"),
                        rs.getLong("incident_id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("kind"),
                        rs.getString("text")))
                .list();
    }

    /** Records an escalation of one deadline; {@code false} when it had already been escalated. */
    public boolean markEscalated(long incidentId, String deadlineId, Instant at) {
        return jdbc.sql("""
                        insert into incident_deadline_escalation (incident_id, deadline_id, at) values (:i, :d, :at)
                        on conflict do nothing
                        """)
                        .param("i", incidentId)
                        .param("d", deadlineId)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
    }

    public long insertEvidence(
            long incidentId, String fileName, String sha256, long size, String scan, String by, Instant at) {
        return jdbc.sql("""
                        insert into incident_evidence (incident_id, file_name, sha256, size_bytes, scan_result, uploaded_by, uploaded_at)
                        values (:i, :name, :sha, :size, :scan, :by, :at) returning id
                        """)
                .param("i", incidentId)
                .param("name", fileName)
                .param("sha", sha256)
                .param("size", size)
                .param("scan", scan)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    public List<Evidence> evidence(long incidentId) {
        return jdbc.sql("select * from incident_evidence where incident_id = :i order by id")
                .param("i", incidentId)
                .query(IncidentDao::evidence)
                .list();
    }

    public Optional<Evidence> evidenceItem(long evidenceId) {
        return jdbc.sql("select * from incident_evidence where id = :id")
                .param("id", evidenceId)
                .query(IncidentDao::evidence)
                .optional();
    }

    private static Evidence evidence(ResultSet rs, int n) throws SQLException {
        return new Evidence(
                rs.getLong("id"),
                rs.getLong("incident_id"),
                rs.getString("file_name"),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                rs.getString("scan_result"),
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }

    private static IncidentTask task(ResultSet rs, int n) throws SQLException {
        return new IncidentTask(
                rs.getLong("id"),
                rs.getLong("incident_id"),
                TaskPhase.valueOf(rs.getString("phase")),
                rs.getString("title"),
                rs.getString("owner"),
                rs.getBoolean("done"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Incident incident(ResultSet rs, int n) throws SQLException {
        return new Incident(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                "",
                rs.getString("title"),
                IncidentCategory.valueOf(rs.getString("category")),
                Severity.valueOf(rs.getString("severity")),
                IncidentStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("discovered_at").toInstant(),
                rs.getTimestamp("reported_at").toInstant(),
                rs.getString("reported_by"),
                rs.getString("assignee"),
                rs.getString("affected"),
                rs.getString("affected_ids"),
                rs.getString("indicators"),
                rs.getString("summary"),
                rs.getString("lessons_learned"),
                rs.getString("regime_id"),
                rs.getString("pack_version"),
                JSON.readValue(rs.getString("form"), InitialReportForm.class));
    }
}
