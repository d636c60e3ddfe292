package vn.khien.core.compliance;

import java.util.Optional;

/**
 * The rules of DOMAIN.md §4 by their stable code: the endpoint and unit rules this engine evaluates, and the
 * account rules ({@link #published()}) that the accounts audits evaluate and publish as findings.
 */
public enum RuleId {
    AV_PRESENT("AV-PRESENT"),
    AV_CURRENT("AV-CURRENT"),
    EDR_PRESENT("EDR-PRESENT"),
    PATCH_AGE("PATCH-AGE"),
    OS_SUPPORTED("OS-SUPPORTED"),
    SECRET_ZONE("SECRET-ZONE"),
    SECRET_USB("SECRET-USB"),
    BACKUP_AGE("BACKUP-AGE"),
    REPORTING("REPORTING"),
    IT_OFFICER("IT-OFFICER"),
    ACCOUNT_DEFAULT("ACCOUNT-DEFAULT"),
    ACCOUNT_WEAK("ACCOUNT-WEAK"),
    ACCOUNT_BREACHED("ACCOUNT-BREACHED"),
    ACCOUNT_LEAKED("ACCOUNT-LEAKED"),
    ACCOUNT_SHARED("ACCOUNT-SHARED"),
    ACCOUNT_IDLE("ACCOUNT-IDLE"),
    ACCOUNT_ORPHAN("ACCOUNT-ORPHAN"),
    ACCOUNT_ADMIN_MFA("ACCOUNT-ADMIN-MFA");

    private final String code;

    RuleId(String code) {
        this.code = code;
    }

    /** The code used in rule packs and findings, e.g. {@code AV-CURRENT}. */
    public String code() {
        return code;
    }

    /**
     * Whether another engine evaluates this rule and publishes its findings (the account audits); {@link
     * RuleEvaluator} leaves such rules out.
     */
    public boolean published() {
        return code.startsWith("ACCOUNT-");
    }

    public static Optional<RuleId> byCode(String code) {
        for (RuleId r : values()) {
            if (r.code.equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
