package vn.khien.app.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One account breaking one rule, kept one per (rule, account) with its first and last sighting, ready to be
 * published to compliance. The evidence never holds a password or a hash.
 */
public record Finding(
        long id,
        String ruleId,
        long accountId,
        String login,
        String systemName,
        long unitId,
        String status,
        String evidence,
        Instant firstSeen,
        Instant lastSeen,
        @Nullable Instant resolvedAt) {
    public boolean open() {
        return "OPEN".equals(status);
    }
}
