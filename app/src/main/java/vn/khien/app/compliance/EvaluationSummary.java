package vn.khien.app.compliance;

import java.time.Instant;

/** What one evaluation did. */
public record EvaluationSummary(
        Instant at, String packId, String packVersion, int endpoints, int failures, int opened, int resolved) {}
