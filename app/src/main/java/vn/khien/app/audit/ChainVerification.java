package vn.khien.app.audit;

import org.jspecify.annotations.Nullable;

/**
 * Result of re-computing the audit hash chain.
 *
 * @param intact whether every row's hash matches its content and its predecessor
 * @param checked rows checked
 * @param brokenAt sequence number of the first row that does not match, if any
 * @param reason what does not match, if anything
 */
public record ChainVerification(
        boolean intact,
        long checked,
        @Nullable Long brokenAt,
        @Nullable String reason) {}
