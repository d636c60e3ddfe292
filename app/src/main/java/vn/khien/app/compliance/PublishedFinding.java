package vn.khien.app.compliance;

import java.util.Objects;

/**
 * A failure found outside the rule evaluator (by the account audits) and published to compliance: it becomes a
 * finding of kind ACCOUNT with history, exceptions and scores like any other.
 *
 * @param ruleId a published rule of the pack, e.g. {@code ACCOUNT-WEAK}
 * @param subjectId the subject's id in its module (the account's registry id)
 * @param label what people see, e.g. {@code login@system}
 * @param evidence what shows the failure, in words; never a password or a hash
 */
public record PublishedFinding(String ruleId, String subjectId, String label, long unitId, String evidence) {
    public PublishedFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(evidence, "evidence");
        if (subjectId == null || subjectId.isBlank()) {
            throw new IllegalArgumentException("a published finding needs a subject id");
        }
    }
}
