package vn.khien.app.incidents;

import java.time.Instant;

/** Published after an incident is opened (reported or promoted from an alert). */
public record IncidentOpened(
        long incidentId,
        long unitId,
        String code,
        String title,
        Severity severity,
        IncidentCategory category,
        Instant at) {}
