package vn.khien.core.compliance;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one rule for one subject, with the evidence behind it; the app turns failures into findings.
 *
 * @param unit the unit that owns the subject, or null for an endpoint not yet assigned to a unit
 */
public record RuleResult(
        RuleId rule,
        Subject subject,
        @Nullable String unit,
        Status status,
        List<Evidence> evidence,
        Explanation explanation) {
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(explanation, "explanation");
        evidence = List.copyOf(evidence);
    }
}
