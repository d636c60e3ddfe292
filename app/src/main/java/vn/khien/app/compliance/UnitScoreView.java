package vn.khien.app.compliance;

import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalDouble;
import vn.khien.core.compliance.Score;

/** A unit's latest score snapshot: overall and per rule code, covering its subtree. */
public record UnitScoreView(long unitId, LocalDate day, Score overall, Map<String, Score> perRule) {
    public UnitScoreView {
        perRule = Map.copyOf(perRule);
    }

    public Score rule(String code) {
        return perRule.getOrDefault(code, Score.EMPTY);
    }

    /** Overall percent, -1 when nothing applies (sorts last). */
    public double percent() {
        OptionalDouble p = overall.percent();
        return p.isPresent() ? p.getAsDouble() : -1;
    }
}
