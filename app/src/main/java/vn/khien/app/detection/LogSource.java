package vn.khien.app.detection;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A source of logs with its counters.
 *
 * @param kind {@code UPLOAD}, {@code HTTP} or {@code SYSLOG}
 * @param lines lines received
 * @param malformed lines the parser refused
 * @param matched events that matched an indicator or a policy rule
 * @param dropped syslog datagrams dropped because the queue was full (UDP only)
 */
public record LogSource(
        long id,
        String name,
        String kind,
        @Nullable String format,
        long lines,
        long malformed,
        long matched,
        long dropped,
        @Nullable Instant lastSeen) {}
