package vn.khien.core.accounts.combolist;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.khien.core.accounts.PasswordFingerprint;

/**
 * One leaked official account found in a combolist: where, which account and listed domain, in which format,
 * and a fingerprint of the leaked password (never the password itself).
 *
 * @param line 1-based line number of the account (for stealer logs, the {@code Username:} line)
 * @param account the email address, lower-cased
 * @param domain the listed domain the address falls under (the most specific one when several are listed)
 * @param format the line or block format
 * @param password fingerprint of the leaked password, or {@code null} when the line has no password
 */
public record ComboHit(
        long line,
        String account,
        String domain,
        ComboFormat format,
        @Nullable PasswordFingerprint password) {
    public ComboHit {
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, was " + line);
        }
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(format, "format");
    }
}
