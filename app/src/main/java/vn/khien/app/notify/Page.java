package vn.khien.app.notify;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something a person on duty must acknowledge. {@code chain} lists who is paged in turn (primary, backup, team
 * lead); {@code level} is the index of the one paged last.
 */
public record Page(
        long id,
        String subjectType,
        String subjectId,
        String severity,
        String title,
        int level,
        List<Long> chain,
        @Nullable Long recipientId,
        Instant createdAt,
        Instant lastSentAt,
        @Nullable Instant acknowledgedAt,
        @Nullable Long acknowledgedBy,
        boolean exhausted) {}
