package vn.khien.app.compliance.internal;

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
import vn.khien.app.compliance.ExceptionRequest;
import vn.khien.app.platform.UnitScope;

/** SQL for exceptions to findings. */
@Repository
public class ExceptionDao {
    private static final String SELECT = """
            select x.*, (x.status = 'APPROVED' and x.expires_on >= :today) as active
            from compliance_exception x
            """;

    private final JdbcClient jdbc;

    public ExceptionDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An active exception's rule and subject. */
    public record Active(String rule, String kind, String subject) {}

    public long insert(
            long findingId, @Nullable Long unitId, String justification, String actor, Instant at, LocalDate expires) {
        return jdbc.sql("""
                        insert into compliance_exception (finding_id, unit_id, justification, requested_by, requested_at,
                            expires_on, status)
                        values (:finding, :unit, :justification, :actor, :at, :expires, 'REQUESTED')
                        returning id
                        """)
                .param("finding", findingId)
                .param("unit", unitId)
                .param("justification", justification)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .param("expires", expires)
                .query(Long.class)
                .single();
    }

    public void decide(long id, String status, String actor, Instant at, @Nullable String note) {
        jdbc.sql("update compliance_exception set status = :status, decided_by = :actor, decided_at = :at,"
                        + " decision_note = :note where id = :id")
                .param("status", status)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .param("note", note)
                .param("id", id)
                .update();
    }

    public Optional<ExceptionRequest> find(UnitScope scope, long id, LocalDate today) {
        var spec = jdbc.sql(SELECT + " where x.id = :id and " + (scope.all() ? "true" : "x.unit_id = any(:scope)"))
                .param("id", id)
                .param("today", today);
        if (!scope.all()) {
            spec = spec.param("scope", scope.unitIds().toArray(Long[]::new));
        }
        return spec.query(ExceptionDao::row).optional();
    }

    public List<ExceptionRequest> list(
            UnitScope scope, @Nullable Long findingId, @Nullable String status, LocalDate today) {
        String where = " where " + (scope.all() ? "true" : "x.unit_id = any(:scope)")
                + (findingId == null ? "" : " and x.finding_id = :finding")
                + (status == null ? "" : " and x.status = :status");
        var spec = jdbc.sql(SELECT + where + " order by x.id desc limit 500").param("today", today);
        if (!scope.all()) {
            spec = spec.param("scope", scope.unitIds().toArray(Long[]::new));
        }
        if (findingId != null) {
            spec = spec.param("finding", findingId);
        }
        if (status != null) {
            spec = spec.param("status", status);
        }
        return spec.query(ExceptionDao::row).list();
    }

    public List<Active> active(LocalDate today) {
        return jdbc.sql("""
                        select f.rule_id, f.subject_kind, f.subject_id from compliance_exception x
                        join finding f on f.id = x.finding_id
                        where x.status = 'APPROVED' and x.expires_on >= :today
                        """)
                .param("today", today)
                .query((rs, n) -> new Active(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static ExceptionRequest row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ExceptionRequest(
                rs.getLong("id"),
                rs.getLong("finding_id"),
                (Long) rs.getObject("unit_id", Long.class),
                rs.getString("justification"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getDate("expires_on").toLocalDate(),
                rs.getString("status"),
                rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(),
                rs.getString("decision_note"),
                rs.getBoolean("active"));
    }
}
