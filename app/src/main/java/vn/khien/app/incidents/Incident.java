package vn.khien.app.incidents;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An incident (sự cố) as recorded: who reported it, what it touches, where it is in its workflow. */
public record Incident(
        long id,
        long unitId,
        String unitName,
        String title,
        IncidentCategory category,
        Severity severity,
        IncidentStatus status,
        Instant discoveredAt,
        Instant reportedAt,
        String reportedBy,
        @Nullable String assignee,
        @Nullable String affected,
        @Nullable String affectedIds,
        @Nullable String indicators,
        @Nullable String summary,
        @Nullable String lessonsLearned,
        String regimeId,
        String packVersion,
        InitialReportForm form) {

    /** The display number, e.g. {@code SC-000012}. */
    public String code() {
        return String.format("SC-%06d", id);
    }
}
