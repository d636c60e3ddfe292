package vn.khien.core.compliance;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rule of a pack: what it is called, which directive requirements (DOMAIN.md §3) and source clauses it
 * implements, how severe a failure is, and its threshold when it has one.
 *
 * @param titleVi the Vietnamese title
 * @param titleEn the English title
 * @param requirements requirement ids such as {@code D-AV}, at least one
 * @param clauses source clauses, e.g. {@code Huế §2}
 * @param threshold the threshold in days, or null for rules without one
 */
public record Rule(
        RuleId id,
        String titleVi,
        String titleEn,
        List<String> requirements,
        List<String> clauses,
        Severity severity,
        @Nullable Threshold threshold) {
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(titleVi, "titleVi");
        Objects.requireNonNull(titleEn, "titleEn");
        Objects.requireNonNull(severity, "severity");
        requirements = List.copyOf(requirements);
        clauses = List.copyOf(clauses);
        if (titleVi.isBlank() || titleEn.isBlank()) {
            throw new IllegalArgumentException("rule " + id.code() + " needs a Vietnamese and an English title");
        }
        if (requirements.isEmpty()) {
            throw new IllegalArgumentException("rule " + id.code() + " must name the requirement(s) it implements");
        }
    }
}
