package vn.khien.app.intel;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A source of indicators (nguồn tin) and the report of its last import.
 *
 * @param kind {@code FILE} (uploaded), {@code URL} (pulled over HTTP) or {@code TAXII} (a TAXII 2.1 collection)
 * @param intervalMinutes how often a URL or TAXII feed is pulled
 * @param lastStatus what the last pull or import did, in words
 * @param rejections the first rejections of the last import, each {@code line or JSON pointer: reason}
 */
public record Feed(
        long id,
        String name,
        String kind,
        @Nullable String url,
        @Nullable String collection,
        int intervalMinutes,
        boolean enabled,
        @Nullable Instant lastPulledAt,
        @Nullable String lastStatus,
        @Nullable String lastFormat,
        long lastRead,
        long lastAccepted,
        long lastRejected,
        long lastDuplicates,
        long lastSuppressed,
        List<String> rejections,
        long indicators) {}
