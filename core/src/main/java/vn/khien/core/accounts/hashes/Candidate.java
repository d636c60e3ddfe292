package vn.khien.core.accounts.hashes;

import vn.khien.core.accounts.AccountRule;

/**
 * A password to try and what a match means; kept package-private so candidates never leave the audit.
 *
 * @param password the candidate password
 * @param rule ACCOUNT-DEFAULT or ACCOUNT-WEAK
 * @param candidateClass the class reported in findings, e.g. {@code vendor default} or {@code name-based}
 */
record Candidate(String password, AccountRule rule, String candidateClass) {
    @Override
    public String toString() {
        return "Candidate[" + rule + ", " + candidateClass + ", password=<redacted>]";
    }
}
