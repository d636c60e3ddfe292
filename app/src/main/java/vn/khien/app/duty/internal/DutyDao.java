package vn.khien.app.duty.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.duty.Handover;
import vn.khien.app.duty.ShiftRole;
import vn.khien.app.duty.Swap;
import vn.khien.app.platform.UnitScope;

/** SQL for teams, shifts, swaps and handovers; team reads filter by the caller's scope. */
@Repository
public class DutyDao {
    /** A team row (lead name filled by the service). */
    public record TeamRow(
            long id, long unitId, String name, @Nullable Long leadPersonId) {}

    /** A shift row (person name filled by the service). */
    public record ShiftRow(
            long id,
            long teamId,
            Instant startsAt,
            Instant endsAt,
            long personId,
            ShiftRole role,
            @Nullable String label) {}

    private final JdbcClient jdbc;

    public DutyDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TeamRow> teams(UnitScope scope) {
        JdbcClient.StatementSpec spec = jdbc.sql(
                "select * from duty_team where " + (scope.all() ? "true" : "unit_id = any(:scope)") + " order by id");
        if (!scope.all()) {
            spec = spec.param("scope", scope.unitIds().toArray(Long[]::new));
        }
        return spec.query(DutyDao::team).list();
    }

    public Optional<TeamRow> team(long id) {
        return jdbc.sql("select * from duty_team where id = :id")
                .param("id", id)
                .query(DutyDao::team)
                .optional();
    }

    public long insertTeam(long unitId, String name, @Nullable Long lead) {
        return jdbc.sql("insert into duty_team (unit_id, name, lead_person_id) values (:u, :n, :l) returning id")
                .param("u", unitId)
                .param("n", name)
                .param("l", lead)
                .query(Long.class)
                .single();
    }

    public long insertShift(
            long teamId, Instant start, Instant end, long personId, ShiftRole role, @Nullable String label) {
        return jdbc.sql("""
                        insert into duty_shift (team_id, starts_at, ends_at, person_id, role, label)
                        values (:t, :s, :e, :p, :r, :l) returning id
                        """)
                .param("t", teamId)
                .param("s", Timestamp.from(start))
                .param("e", Timestamp.from(end))
                .param("p", personId)
                .param("r", role.name())
                .param("l", label)
                .query(Long.class)
                .single();
    }

    /** Inserts many shifts in one JDBC batch. */
    public void insertShifts(long teamId, List<ShiftRow> rows) {
        jdbc.sql("""
                        insert into duty_shift (team_id, starts_at, ends_at, person_id, role, label)
                        select :t, s, e, p, r, l from unnest(:s, :e, :p, :r, :l) as x(s, e, p, r, l)
                        """)
                .param("t", teamId)
                .param("s", rows.stream().map(r -> Timestamp.from(r.startsAt())).toArray(Timestamp[]::new))
                .param("e", rows.stream().map(r -> Timestamp.from(r.endsAt())).toArray(Timestamp[]::new))
                .param("p", rows.stream().map(ShiftRow::personId).toArray(Long[]::new))
                .param("r", rows.stream().map(r -> r.role().name()).toArray(String[]::new))
                .param("l", rows.stream().map(ShiftRow::label).toArray(String[]::new))
                .update();
    }

    public Optional<ShiftRow> shift(long id) {
        return jdbc.sql("select * from duty_shift where id = :id")
                .param("id", id)
                .query(DutyDao::shift)
                .optional();
    }

    /** Shifts of a team overlapping {@code [from, to)}. */
    public List<ShiftRow> shifts(long teamId, Instant from, Instant to) {
        return jdbc.sql("""
                        select * from duty_shift where team_id = :t and starts_at < :to and ends_at > :from
                        order by starts_at, role, id
                        """)
                .param("t", teamId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(DutyDao::shift)
                .list();
    }

    public void reassign(long shiftId, long personId) {
        jdbc.sql("update duty_shift set person_id = :p where id = :id")
                .param("p", personId)
                .param("id", shiftId)
                .update();
    }

    public long insertSwap(long shiftId, long from, long to, String by, Instant at) {
        return jdbc.sql("""
                        insert into duty_swap (shift_id, from_person_id, to_person_id, requested_by, requested_at)
                        values (:s, :f, :t, :by, :at) returning id
                        """)
                .param("s", shiftId)
                .param("f", from)
                .param("t", to)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    public Optional<Swap> swap(long id) {
        return jdbc.sql("select * from duty_swap where id = :id")
                .param("id", id)
                .query(DutyDao::swap)
                .optional();
    }

    public List<Swap> swaps(long teamId) {
        return jdbc.sql("""
                        select w.* from duty_swap w join duty_shift s on s.id = w.shift_id
                        where s.team_id = :t order by w.id desc
                        """).param("t", teamId).query(DutyDao::swap).list();
    }

    public void decideSwap(long id, String status, String by, Instant at) {
        jdbc.sql("update duty_swap set status = :st, decided_by = :by, decided_at = :at where id = :id")
                .param("st", status)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    public long insertHandover(long teamId, @Nullable Long shiftId, String author, Instant at, String note) {
        return jdbc.sql("""
                        insert into duty_handover (team_id, shift_id, author, at, note) values (:t, :s, :a, :at, :n) returning id
                        """)
                .param("t", teamId)
                .param("s", shiftId)
                .param("a", author)
                .param("at", Timestamp.from(at))
                .param("n", note)
                .query(Long.class)
                .single();
    }

    public List<Handover> handovers(long teamId, int limit) {
        return jdbc.sql("select * from duty_handover where team_id = :t order by at desc, id desc limit :l")
                .param("t", teamId)
                .param("l", limit)
                .query((rs, n) -> new Handover(
                        rs.getLong("id"),
                        rs.getLong("team_id"),
                        (Long) rs.getObject("shift_id"),
                        rs.getString("author"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("note")))
                .list();
    }

    private static TeamRow team(ResultSet rs, int n) throws SQLException {
        return new TeamRow(
                rs.getLong("id"), rs.getLong("unit_id"), rs.getString("name"), (Long) rs.getObject("lead_person_id"));
    }

    private static ShiftRow shift(ResultSet rs, int n) throws SQLException {
        return new ShiftRow(
                rs.getLong("id"),
                rs.getLong("team_id"),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                rs.getLong("person_id"),
                ShiftRole.valueOf(rs.getString("role")),
                rs.getString("label"));
    }

    private static Swap swap(ResultSet rs, int n) throws SQLException {
        return new Swap(
                rs.getLong("id"),
                rs.getLong("shift_id"),
                rs.getLong("from_person_id"),
                rs.getLong("to_person_id"),
                rs.getString("status"),
                rs.getString("requested_by"),
                rs.getString("decided_by"),
                rs.getTimestamp("requested_at").toInstant());
    }
}
