package vn.khien.core.accounts.hashes;

import java.util.List;

/**
 * Outcome of a password-hash audit.
 *
 * @param findings findings in input order (per account: DEFAULT or WEAK, then BREACHED, then SHARED)
 * @param accounts accounts audited
 * @param slowHashAccounts accounts with a slow hash, for which only defaults, the account's own patterns and
 *     the first {@code slowHashWeakLimit} dictionary passwords were tried
 * @param slowHashWeakLimit the dictionary limit applied to slow hashes
 * @param ntlmStoreChecked whether an NTLM breached-password store was consulted
 * @param sha1StoreChecked whether a SHA-1 breached-password store was consulted
 */
public record AuditResult(
        List<AccountFinding> findings,
        int accounts,
        int slowHashAccounts,
        int slowHashWeakLimit,
        boolean ntlmStoreChecked,
        boolean sha1StoreChecked) {
    public AuditResult {
        findings = List.copyOf(findings);
    }

    /** One-line summary for the command line. */
    public String summary() {
        return "accounts=" + accounts + " findings=" + findings.size() + " slowHashAccounts=" + slowHashAccounts
                + " (dictionary limited to " + slowHashWeakLimit + ")" + " ntlmStore=" + ntlmStoreChecked
                + " sha1Store=" + sha1StoreChecked;
    }
}
