package vn.khien.app.incidents;

import java.time.Instant;

/** Published once per incident and deadline when less than the rule pack's warning fraction of its span is left. */
public record IncidentDeadlineNear(
        long incidentId,
        long unitId,
        String code,
        String title,
        String deadlineId,
        String deadlineLabel,
        Instant due) {}
