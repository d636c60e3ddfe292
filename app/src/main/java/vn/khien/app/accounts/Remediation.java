package vn.khien.app.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A proposal to lock, disable or force a password reset of an account because of a finding.
 *
 * @param notificationStatus how the mail to the owner went (SENT, FAILED, NO_ADDRESS), null before or without owner
 */
public record Remediation(
        long id,
        long findingId,
        String ruleId,
        long accountId,
        String login,
        long unitId,
        Action action,
        Status status,
        @Nullable String reason,
        @Nullable String dryRun,
        @Nullable String result,
        String proposedBy,
        Instant proposedAt,
        @Nullable String approver,
        @Nullable Instant decidedAt,
        @Nullable Instant executedAt,
        @Nullable Instant verifiedAt,
        boolean notificationDue,
        @Nullable Instant notifiedAt,
        @Nullable String notificationStatus) {
    public enum Action {
        LOCK,
        DISABLE,
        FORCE_RESET
    }

    public enum Status {
        PROPOSED,
        APPROVED,
        REJECTED,
        EXECUTED,
        VERIFIED,
        FAILED
    }
}
