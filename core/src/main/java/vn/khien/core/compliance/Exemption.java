package vn.khien.core.compliance;

import java.util.Objects;

/**
 * An active exception (ngoại lệ) for one rule and subject: approved, justified and not expired (the app decides
 * that); scoring counts the subject as compliant for that rule.
 */
public record Exemption(RuleId rule, Subject subject) {
    public Exemption {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
    }
}
