package vn.khien.app.compliance;

import java.time.LocalDate;

/** A day's overall score of a unit, for the trend chart. */
public record TrendPoint(LocalDate day, long compliant, long total) {
    public double percent() {
        return total == 0 ? 0 : Math.round(1000.0 * compliant / total) / 10.0;
    }
}
