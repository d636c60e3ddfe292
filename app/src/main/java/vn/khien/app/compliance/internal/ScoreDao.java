package vn.khien.app.compliance.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.compliance.TrendPoint;
import vn.khien.app.compliance.UnitScoreView;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.compliance.RuleId;
import vn.khien.core.compliance.Score;
import vn.khien.core.compliance.UnitScore;

/** SQL for the daily unit score snapshots (the day's latest evaluation replaces its earlier ones). */
@Repository
public class ScoreDao {
    public static final String OVERALL = "OVERALL";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ScoreDao(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void snapshot(LocalDate day, Map<String, UnitScore> scores) {
        jdbc.sql("delete from unit_score_snapshot where day = :day")
                .param("day", day)
                .update();
        List<Object[]> rows = new ArrayList<>();
        java.sql.Date d = java.sql.Date.valueOf(day);
        for (UnitScore s : scores.values()) {
            long unit;
            try {
                unit = Long.parseLong(s.unitId());
            } catch (NumberFormatException e) {
                continue;
            }
            rows.add(new Object[] {
                d, unit, OVERALL, s.overall().compliant(), s.overall().total()
            });
            for (Map.Entry<RuleId, Score> r : s.perRule().entrySet()) {
                rows.add(new Object[] {
                    d,
                    unit,
                    r.getKey().code(),
                    r.getValue().compliant(),
                    r.getValue().total()
                });
            }
        }
        template.batchUpdate(
                "insert into unit_score_snapshot (day, unit_id, rule_id, compliant, total) values (?, ?, ?, ?, ?)",
                rows);
    }

    /** The latest snapshot of every unit in scope. */
    public List<UnitScoreView> latest(UnitScope scope) {
        String where = scope.all() ? "true" : "unit_id = any(:scope)";
        var spec = jdbc.sql("select day, unit_id, rule_id, compliant, total from unit_score_snapshot"
                + " where day = (select max(day) from unit_score_snapshot) and " + where + " order by unit_id");
        if (!scope.all()) {
            spec = spec.param("scope", scope.unitIds().toArray(Long[]::new));
        }
        Map<Long, LocalDate> days = new HashMap<>();
        Map<Long, Score> overall = new HashMap<>();
        Map<Long, Map<String, Score>> rules = new LinkedHashMap<>();
        spec.query(rs -> {
            long unit = rs.getLong("unit_id");
            days.put(unit, rs.getDate("day").toLocalDate());
            Score s = new Score(rs.getLong("compliant"), rs.getLong("total"));
            rules.computeIfAbsent(unit, u -> new HashMap<>());
            if (OVERALL.equals(rs.getString("rule_id"))) {
                overall.put(unit, s);
            } else {
                rules.get(unit).put(rs.getString("rule_id"), s);
            }
        });
        List<UnitScoreView> out = new ArrayList<>();
        rules.forEach((unit, perRule) ->
                out.add(new UnitScoreView(unit, days.get(unit), overall.getOrDefault(unit, Score.EMPTY), perRule)));
        return out;
    }

    public List<TrendPoint> trend(long unitId, String rule, int days) {
        return jdbc.sql(
                        "select day, compliant, total from unit_score_snapshot where unit_id = :unit and rule_id = :rule"
                                + " and day > current_date - :days order by day")
                .param("unit", unitId)
                .param("rule", rule)
                .param("days", days)
                .query((rs, n) -> new TrendPoint(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3)))
                .list();
    }
}
