package vn.khien.core.compliance;

import java.util.Optional;

/** The endpoint and unit rules of DOMAIN.md §4 that this engine evaluates, by their stable code. */
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
    IT_OFFICER("IT-OFFICER");

    private final String code;

    RuleId(String code) {
        this.code = code;
    }

    /** The code used in rule packs and findings, e.g. {@code AV-CURRENT}. */
    public String code() {
        return code;
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
