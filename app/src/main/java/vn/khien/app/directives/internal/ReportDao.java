package vn.khien.app.directives.internal;

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
import vn.khien.app.directives.DirectiveTask;
import vn.khien.app.directives.ReportStatus;
import vn.khien.app.directives.RuleFigure;
import vn.khien.app.platform.UnitScope;

/** SQL for unit reports; the figures are kept as JSON, a snapshot taken when the report is submitted. */
@Repository("directiveReportDao")
public class ReportDao {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final String SELECT = """
            select id, directive_id, unit_id, status, text, figures::text as figures, submitted_at, submitted_by,
                   decided_at, decided_by, decided_by_name, return_reason, updated_at
            from directive_report
            """;

    /** The snapshot of measured figures stored with a submitted report. */
    public record Snapshot(List<DirectiveTask> tasks, List<RuleFigure> figures) {}

    /** A report row; tasks and figures are added by the service. */
    public record Row(
            long id,
            long directiveId,
            long unitId,
            ReportStatus status,
            String text,
            @Nullable Snapshot snapshot,
            @Nullable Instant submittedAt,
            @Nullable String submittedBy,
            @Nullable Instant decidedAt,
            @Nullable String decidedBy,
            @Nullable String decidedByName,
            @Nullable String returnReason,
            Instant updatedAt) {}

    private final JdbcClient jdbc;

    public ReportDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(long directiveId, long unitId) {
        return jdbc.sql(SELECT + " where directive_id = :d and unit_id = :u")
                .param("d", directiveId)
                .param("u", unitId)
                .query(ReportDao::row)
                .optional();
    }

    public Optional<Row> find(UnitScope scope, long id) {
        JdbcClient.StatementSpec spec = jdbc.sql(
                        SELECT + " where id = :id and " + (scope.all() ? "true" : "unit_id = any(:scope)"))
                .param("id", id);
        if (!scope.all()) {
            spec = spec.param("scope", scope.unitIds().toArray(Long[]::new));
        }
        return spec.query(ReportDao::row).optional();
    }

    public List<Row> ofDirective(long directiveId) {
        return jdbc.sql(SELECT + " where directive_id = :d order by unit_id")
                .param("d", directiveId)
                .query(ReportDao::row)
                .list();
    }

    public long insert(long directiveId, long unitId, String text, Instant at) {
        return jdbc.sql("""
                        insert into directive_report (directive_id, unit_id, text, updated_at)
                        values (:d, :u, :t, :at) returning id
                        """)
                .param("d", directiveId)
                .param("u", unitId)
                .param("t", text)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    public void saveText(long id, String text, Instant at) {
        jdbc.sql("update directive_report set text = :t, updated_at = :at where id = :id")
                .param("t", text)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    public void submit(long id, String text, Snapshot snapshot, Instant at, String by) {
        jdbc.sql("""
                        update directive_report set status = 'SUBMITTED', text = :t, figures = :f::jsonb,
                            submitted_at = :at, submitted_by = :by, decided_at = null, decided_by = null, decided_by_name = null,
                            return_reason = null, updated_at = :at
                        where id = :id
                        """)
                .param("t", text)
                .param("f", JSON.writeValueAsString(snapshot))
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("id", id)
                .update();
    }

    public void decide(
            long id, ReportStatus status, @Nullable String reason, Instant at, String by, @Nullable String byName) {
        jdbc.sql("""
                        update directive_report set status = :s, return_reason = :r, decided_at = :at,
                            decided_by = :by, decided_by_name = :name, updated_at = :at
                        where id = :id
                        """)
                .param("s", status.name())
                .param("r", reason)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("name", byName)
                .param("id", id)
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String figures = rs.getString("figures");
        Snapshot snapshot = figures == null || figures.equals("{}") ? null : JSON.readValue(figures, Snapshot.class);
        return new Row(
                rs.getLong("id"),
                rs.getLong("directive_id"),
                rs.getLong("unit_id"),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getString("text"),
                snapshot,
                instant(rs, "submitted_at"),
                rs.getString("submitted_by"),
                instant(rs, "decided_at"),
                rs.getString("decided_by"),
                rs.getString("decided_by_name"),
                rs.getString("return_reason"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
