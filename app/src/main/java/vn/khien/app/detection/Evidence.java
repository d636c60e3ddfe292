package vn.khien.app.detection;

import java.time.Instant;

/** One log line kept as evidence of an alert (the last ones only). */
public record Evidence(Instant seenAt, String source, long line, String raw) {}
