package vn.khien.core.accounts.hashes;

import java.time.Year;

/**
 * Settings of a password-hash audit.
 *
 * @param slowHashWeakLimit how many dictionary passwords (most common first) to try against slow hashes
 *     (bcrypt, SHA-crypt, MD5-crypt) after the defaults and the account's own patterns; fast hashes get the
 *     whole dictionary
 * @param referenceYear the year unit and name patterns count back from ({@code hatinh@2025})
 * @param recentYears how many years of {@code <unit>@<year>} patterns to try
 */
public record AuditOptions(int slowHashWeakLimit, int referenceYear, int recentYears) {
    /** Default number of dictionary passwords tried against slow hashes. */
    public static final int DEFAULT_SLOW_HASH_WEAK_LIMIT = 20;

    public AuditOptions {
        if (slowHashWeakLimit < 0) {
            throw new IllegalArgumentException("slowHashWeakLimit must be >= 0, was " + slowHashWeakLimit);
        }
        if (recentYears < 1 || recentYears > 30) {
            throw new IllegalArgumentException("recentYears must be in [1, 30], was " + recentYears);
        }
    }

    /** Defaults: 20 dictionary passwords for slow hashes, six years back from this year. */
    public static AuditOptions defaults() {
        return new AuditOptions(DEFAULT_SLOW_HASH_WEAK_LIMIT, Year.now().getValue(), 6);
    }
}
