package vn.khien.app.compliance;

import java.time.Instant;

/** One line of a finding's history: opened, resolved or reopened. */
public record FindingEvent(Instant at, String status, String note) {}
