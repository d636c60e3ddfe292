package vn.khien.app.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A mail sent to an account's owner, as the notify module delivered it (status SENT, FAILED or NO_ADDRESS).
 *
 * @param refId the finding, remediation or lifecycle request it is about
 */
public record OwnerNotice(
        long id,
        long accountId,
        long personId,
        Topic topic,
        @Nullable Long refId,
        @Nullable String ruleId,
        @Nullable Long deliveryId,
        String status,
        Instant at) {
    public enum Topic {
        FINDING,
        REMEDIATION,
        ISSUE,
        REVOKE
    }
}
