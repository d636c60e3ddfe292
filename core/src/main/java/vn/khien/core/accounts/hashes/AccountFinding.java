package vn.khien.core.accounts.hashes;

import java.util.Objects;
import vn.khien.core.accounts.AccountRule;

/**
 * One account breaking one password rule: the account, the rule, which class of candidate or list matched
 * (e.g. {@code vendor default}, {@code name-based}, {@code Pwned Passwords NTLM}, {@code shared group 2 of 3
 * accounts}) and the export line; never the password or the hash.
 *
 * @param account the account as exported
 * @param rule the rule broken
 * @param candidateClass what matched, in words a person can act on
 * @param line 1-based line of the account in the export, or 0
 */
public record AccountFinding(String account, AccountRule rule, String candidateClass, long line) {
    public AccountFinding {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(candidateClass, "candidateClass");
    }
}
