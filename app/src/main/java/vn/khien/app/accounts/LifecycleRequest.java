package vn.khien.app.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A request to issue an account, change its owner or revoke it, approved by the unit head and then applied: to the
 * directory when the system has one (outcome VERIFIED or FAILED, with the dry run and the result), else to the
 * registry only (REGISTRY) or left to be done by hand (MANUAL).
 */
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
        @Nullable Instant decidedAt,
        @Nullable String dryRun,
        @Nullable String outcome,
        @Nullable String result,
        @Nullable Instant appliedAt) {
    public enum Kind {
        ISSUE,
        CHANGE_OWNER,
        REVOKE
    }
}
