package vn.khien.app.compliance;

import java.time.Instant;

/** What one publication changed: findings opened (new or reopened) and resolved, and the subjects counted. */
public record PublishSummary(String source, Instant at, int reported, int opened, int resolved, long subjects) {}
