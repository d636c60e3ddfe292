package vn.khien.app.intel;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An indicator as stored, with the feed it came from. */
public record StoredIndicator(
        long id,
        String type,
        String value,
        long feedId,
        String feed,
        @Nullable Instant firstSeen,
        @Nullable Instant lastSeen,
        @Nullable Instant validUntil,
        int confidence,
        @Nullable String tlp,
        List<String> tags,
        boolean revoked,
        Instant importedAt) {}
