package vn.khien.app.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A request to issue an account, change its owner or revoke it, approved by the unit head. */
public record LifecycleRequest(
        long id,
        Kind kind,
        String status,
        long unitId,
        long systemId,
        @Nullable Long accountId,
        @Nullable String login,
        @Nullable Long personId,
        @Nullable String reason,
        String requestedBy,
        Instant requestedAt,
        @Nullable String approver,
        @Nullable Instant decidedAt) {
    public enum Kind {
        ISSUE,
        CHANGE_OWNER,
        REVOKE
    }
}
