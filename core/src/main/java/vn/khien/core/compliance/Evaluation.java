package vn.khien.core.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of evaluating one rule pack over one input at one moment.
 *
 * @param packId the pack's id, recorded with every finding
 * @param packVersion the pack's version, recorded with every finding
 * @param evaluatedAt the {@code now} of the evaluation
 * @param results one result per (rule, subject), ordered by endpoint (input order) then rule, unit results last
 */
public record Evaluation(String packId, String packVersion, Instant evaluatedAt, List<RuleResult> results) {
    public Evaluation {
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(packVersion, "packVersion");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        results = List.copyOf(results);
    }

    /** The failed results. */
    public List<RuleResult> failures() {
        return results.stream().filter(r -> r.status() == Status.FAIL).toList();
    }

    /** The results of one rule. */
    public List<RuleResult> of(RuleId rule) {
        return results.stream().filter(r -> r.rule() == rule).toList();
    }

    /** The result of one rule for one subject id, if evaluated. */
    public Optional<RuleResult> result(RuleId rule, String subjectId) {
        return results.stream()
                .filter(r -> r.rule() == rule && r.subject().id().equals(subjectId))
                .findFirst();
    }
}
