package vn.khien.app.reports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.reports.Report;
import vn.khien.app.reports.ReportFormat;
import vn.khien.app.reports.ReportKind;
import vn.khien.app.reports.ReportPeriod;

/** The {@code report} table: one row per generated report, always read within the caller's scope. */
@Repository
public class ReportDao {
    private static final String COLUMNS =
            "id, unit_id, unit_name, kind, period_from, period_to, title, status, message, created_at, created_by,"
                    + " finished_at";

    private final JdbcClient jdbc;

    public ReportDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a RUNNING report; empty when the schedule already produced this unit's report for the period. */
    public Optional<Long> start(
            long unitId, String unitName, ReportKind kind, ReportPeriod period, String title, Instant at, String by) {
        return jdbc.sql("""
                        insert into report (unit_id, unit_name, kind, period_from, period_to, title, created_at, created_by)
                        values (:unit, :name, :kind, :from, :to, :title, :at, :by)
                        on conflict do nothing
                        returning id
                        """)
                .param("unit", unitId)
                .param("name", unitName)
                .param("kind", kind.name())
                .param("from", period.from())
                .param("to", period.to())
                .param("title", title)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .query(Long.class)
                .optional();
    }

    public void ready(long id, String docx, String pdf, String xlsx, Instant at) {
        jdbc.sql("""
                        update report set status = 'READY', docx_path = :docx, pdf_path = :pdf, xlsx_path = :xlsx,
                               finished_at = :at
                         where id = :id
                        """)
                .param("id", id)
                .param("docx", docx)
                .param("pdf", pdf)
                .param("xlsx", xlsx)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void failed(long id, String message, Instant at) {
        jdbc.sql("update report set status = 'FAILED', message = :m, finished_at = :at where id = :id")
                .param("id", id)
                .param("m", message.length() > 500 ? message.substring(0, 500) : message)
                .param("at", Timestamp.from(at))
                .update();
    }

    public List<Report> list(UnitScope scope, int limit) {
        var spec = jdbc.sql("select " + COLUMNS + " from report where " + filter(scope)
                        + " order by created_at desc, id desc limit :limit")
                .param("limit", limit);
        return scoped(spec, scope).query(ReportDao::map).list();
    }

    public Optional<Report> find(UnitScope scope, long id) {
        var spec = jdbc.sql("select " + COLUMNS + " from report where id = :id and " + filter(scope))
                .param("id", id);
        return scoped(spec, scope).query(ReportDao::map).optional();
    }

    /** The stored relative path of one file of a READY report in scope. */
    public Optional<String> path(UnitScope scope, long id, ReportFormat format) {
        String column =
                switch (format) {
                    case DOCX -> "docx_path";
                    case PDF -> "pdf_path";
                    case XLSX -> "xlsx_path";
                };
        var spec = jdbc.sql(
                        "select " + column + " from report where id = :id and status = 'READY' and " + filter(scope))
                .param("id", id);
        return scoped(spec, scope).query(String.class).optional();
    }

    private static String filter(UnitScope scope) {
        return scope.all() ? "true" : "unit_id = any(:scope)";
    }

    private static JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec spec, UnitScope scope) {
        return scope.all() ? spec : spec.param("scope", scope.unitIds().toArray(Long[]::new));
    }

    private static Report map(ResultSet rs, int n) throws SQLException {
        return new Report(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                rs.getString("unit_name"),
                ReportKind.valueOf(rs.getString("kind")),
                new ReportPeriod(
                        rs.getDate("period_from").toLocalDate(),
                        rs.getDate("period_to").toLocalDate()),
                rs.getString("title"),
                rs.getString("status"),
                rs.getString("message"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                instant(rs.getTimestamp("finished_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
