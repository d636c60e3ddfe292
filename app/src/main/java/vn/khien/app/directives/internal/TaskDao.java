package vn.khien.app.directives.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.directives.DirectiveTask;
import vn.khien.app.directives.EvidenceFile;
import vn.khien.app.directives.TaskEvent;
import vn.khien.app.directives.TaskStatus;
import vn.khien.app.platform.UnitScope;

/** SQL for tasks, their timeline and the evidence files of tasks and reports. Reads filter by the caller's scope. */
@Repository
public class TaskDao {
    private static final String SELECT = """
            select t.id, t.directive_id, t.item_id, i.number as item_number, i.text as item_text, t.unit_id,
                   t.parent_task_id, t.deadline, t.status, t.progress, t.note, t.rules, t.overdue_since,
                   t.escalated_at, t.escalated_to, t.created_at, t.created_by, t.updated_at
            from directive_task t join directive_item i on i.id = t.item_id
            """;
    private static final String EVIDENCE = """
            select id, directive_id, unit_id, task_id, report_id, file_name, sha256, size_bytes, uploaded_at, uploaded_by
            from directive_evidence
            """;

    private final JdbcClient jdbc;

    public TaskDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String scoped(UnitScope scope, String column) {
        return scope.all() ? "true" : column + " = any(:scope)";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UnitScope scope) {
        return scope.all() ? spec : spec.param("scope", scope.unitIds().toArray(Long[]::new));
    }

    public Optional<DirectiveTask> find(UnitScope scope, long id) {
        return bind(
                        jdbc.sql(SELECT + " where t.id = :id and " + scoped(scope, "t.unit_id"))
                                .param("id", id),
                        scope)
                .query(TaskDao::task)
                .optional();
    }

    /** Tasks in scope, of one directive or of all (directiveId null), open ones first by deadline. */
    public List<DirectiveTask> list(UnitScope scope, @Nullable Long directiveId) {
        String sql = SELECT + " where " + scoped(scope, "t.unit_id")
                + (directiveId == null ? "" : " and t.directive_id = :d")
                + " order by (t.status = 'DONE'), t.deadline, i.position, t.id limit 2000";
        JdbcClient.StatementSpec spec = bind(jdbc.sql(sql), scope);
        if (directiveId != null) {
            spec = spec.param("d", directiveId);
        }
        return spec.query(TaskDao::task).list();
    }

    /** Overdue tasks escalated to a unit in scope (shown on the parent unit's view). */
    public List<DirectiveTask> escalatedTo(UnitScope scope) {
        return bind(
                        jdbc.sql(SELECT + " where t.escalated_to is not null and " + scoped(scope, "t.escalated_to")
                                + " and t.status <> 'DONE' order by t.escalated_at desc limit 500"),
                        scope)
                .query(TaskDao::task)
                .list();
    }

    public List<DirectiveTask> children(long parentTaskId) {
        return jdbc.sql(SELECT + " where t.parent_task_id = :p order by t.id")
                .param("p", parentTaskId)
                .query(TaskDao::task)
                .list();
    }

    /** Tasks past their deadline ({@code deadline < today}), not done and not yet marked, province-wide. */
    public List<DirectiveTask> newlyOverdue(LocalDate today) {
        return jdbc.sql(SELECT + " where t.deadline < :today and t.status <> 'DONE' and t.overdue_since is null"
                        + " order by t.id")
                .param("today", Date.valueOf(today))
                .query(TaskDao::task)
                .list();
    }

    public boolean exists(long itemId, long unitId) {
        return jdbc.sql("select count(*) from directive_task where item_id = :i and unit_id = :u")
                        .param("i", itemId)
                        .param("u", unitId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public boolean itemHasTasks(long itemId) {
        return jdbc.sql("select count(*) from directive_task where item_id = :i")
                        .param("i", itemId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public long insert(
            long directiveId,
            long itemId,
            long unitId,
            @Nullable Long parentTaskId,
            LocalDate deadline,
            List<String> rules,
            Instant at,
            String by) {
        return jdbc.sql("""
                        insert into directive_task (directive_id, item_id, unit_id, parent_task_id, deadline, rules,
                            created_at, created_by, updated_at)
                        values (:d, :i, :u, :p, :deadline, :rules, :at, :by, :at) returning id
                        """)
                .param("d", directiveId)
                .param("i", itemId)
                .param("u", unitId)
                .param("p", parentTaskId)
                .param("deadline", Date.valueOf(deadline))
                .param("rules", rules.toArray(String[]::new))
                .param("at", Timestamp.from(at))
                .param("by", by)
                .query(Long.class)
                .single();
    }

    public void updateWork(long id, TaskStatus status, int progress, @Nullable String note, Instant at) {
        jdbc.sql("update directive_task set status = :s, progress = :p, note = :n, updated_at = :at where id = :id")
                .param("s", status.name())
                .param("p", progress)
                .param("n", note)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    public void markOverdue(long id, Instant at, @Nullable Long escalatedTo) {
        jdbc.sql("""
                        update directive_task set overdue_since = :at, escalated_at = :esc, escalated_to = :to
                        where id = :id and overdue_since is null
                        """)
                .param("at", Timestamp.from(at))
                .param("esc", escalatedTo == null ? null : Timestamp.from(at))
                .param("to", escalatedTo)
                .param("id", id)
                .update();
    }

    public void event(long taskId, Instant at, String actor, String kind, String text) {
        jdbc.sql("insert into directive_task_event (task_id, at, actor, kind, text) values (:t, :at, :a, :k, :x)")
                .param("t", taskId)
                .param("at", Timestamp.from(at))
                .param("a", actor)
                .param("k", kind)
                .param("x", text)
                .update();
    }

    public List<TaskEvent> events(long taskId) {
        return jdbc.sql("select id, task_id, at, actor, kind, text from directive_task_event where task_id = :t"
                        + " order by at, id")
                .param("t", taskId)
                .query((rs, n) -> new TaskEvent(
                        rs.getLong("id"),
                        rs.getLong("task_id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("kind"),
                        rs.getString("text")))
                .list();
    }

    public long insertEvidence(
            long directiveId,
            long unitId,
            @Nullable Long taskId,
            @Nullable Long reportId,
            String fileName,
            String sha256,
            long size,
            Instant at,
            String by) {
        return jdbc.sql("""
                        insert into directive_evidence (directive_id, unit_id, task_id, report_id, file_name, sha256,
                            size_bytes, uploaded_at, uploaded_by)
                        values (:d, :u, :t, :r, :f, :sha, :size, :at, :by) returning id
                        """)
                .param("d", directiveId)
                .param("u", unitId)
                .param("t", taskId)
                .param("r", reportId)
                .param("f", fileName)
                .param("sha", sha256)
                .param("size", size)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .query(Long.class)
                .single();
    }

    public Optional<EvidenceFile> evidence(UnitScope scope, long id) {
        return bind(
                        jdbc.sql(EVIDENCE + " where id = :id and " + scoped(scope, "unit_id"))
                                .param("id", id),
                        scope)
                .query(TaskDao::evidence)
                .optional();
    }

    public List<EvidenceFile> evidenceOfTask(long taskId) {
        return jdbc.sql(EVIDENCE + " where task_id = :t order by id")
                .param("t", taskId)
                .query(TaskDao::evidence)
                .list();
    }

    public List<EvidenceFile> evidenceOfReport(long reportId) {
        return jdbc.sql(EVIDENCE + " where report_id = :r order by id")
                .param("r", reportId)
                .query(TaskDao::evidence)
                .list();
    }

    /** Evidence of a directive's tasks and reports, of units in scope. */
    public List<EvidenceFile> evidenceOfDirective(UnitScope scope, long directiveId) {
        return bind(
                        jdbc.sql(
                                EVIDENCE + " where directive_id = :d and " + scoped(scope, "unit_id") + " order by id"),
                        scope)
                .param("d", directiveId)
                .query(TaskDao::evidence)
                .list();
    }

    private static EvidenceFile evidence(ResultSet rs, int n) throws SQLException {
        return new EvidenceFile(
                rs.getLong("id"),
                rs.getLong("directive_id"),
                rs.getLong("unit_id"),
                rs.getObject("task_id", Long.class),
                rs.getObject("report_id", Long.class),
                rs.getString("file_name"),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                rs.getTimestamp("uploaded_at").toInstant(),
                rs.getString("uploaded_by"));
    }

    private static DirectiveTask task(ResultSet rs, int n) throws SQLException {
        TaskStatus work = TaskStatus.valueOf(rs.getString("status"));
        Timestamp overdue = rs.getTimestamp("overdue_since");
        Timestamp escalated = rs.getTimestamp("escalated_at");
        Array rules = rs.getArray("rules");
        return new DirectiveTask(
                rs.getLong("id"),
                rs.getLong("directive_id"),
                rs.getLong("item_id"),
                rs.getString("item_number"),
                rs.getString("item_text"),
                rs.getLong("unit_id"),
                "",
                rs.getObject("parent_task_id", Long.class),
                rs.getDate("deadline").toLocalDate(),
                overdue != null && work != TaskStatus.DONE ? TaskStatus.OVERDUE : work,
                work,
                rs.getInt("progress"),
                rs.getString("note"),
                rules == null ? List.of() : List.of((String[]) rules.getArray()),
                overdue == null ? null : overdue.toInstant(),
                escalated == null ? null : escalated.toInstant(),
                rs.getObject("escalated_to", Long.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
