package vn.khien.app.incidents;

import java.time.Duration;
import java.time.Instant;

/**
 * A legal reporting deadline of one incident.
 *
 * @param id the rule pack's deadline id ({@code initial-notice}, {@code report}, {@code notify}, …)
 * @param warnAt when escalation starts: the pack's warning fraction of the span before {@code due}
 */
public record Deadline(
        String id, String label, String regimeId, String packVersion, Instant origin, Instant due, Instant warnAt) {

    /** Time left at {@code now}; negative when overdue. */
    public Duration left(Instant now) {
        return Duration.between(now, due);
    }

    public boolean overdue(Instant now) {
        return now.isAfter(due);
    }

    public boolean near(Instant now) {
        return !now.isBefore(warnAt);
    }
}
