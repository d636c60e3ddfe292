package vn.khien.core.accounts;

/** The baseline account rules (DOMAIN.md §4) that the offline password engines can decide. */
public enum AccountRule {
    /** The password equals a vendor default or a predictable Vietnamese pattern built for the account. */
    DEFAULT("ACCOUNT-DEFAULT"),
    /** The password is in the weak-password dictionary. */
    WEAK("ACCOUNT-WEAK"),
    /** The password hash is in a breached-password store (Pwned Passwords). */
    BREACHED("ACCOUNT-BREACHED"),
    /** The account appears with a password in a combolist or stealer log. */
    LEAKED("ACCOUNT-LEAKED"),
    /** Several accounts have the same unsalted hash, so they share one password. */
    SHARED("ACCOUNT-SHARED");

    private final String id;

    AccountRule(String id) {
        this.id = id;
    }

    /** The rule id as written in rule packs and findings, e.g. {@code ACCOUNT-DEFAULT}. */
    public String id() {
        return id;
    }
}
