package vn.khien.core.compliance;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A versioned rule pack (bộ quy tắc), e.g. {@code baseline-2026}: its rules with thresholds and the directive
 * requirements they implement, the OS end-of-support list and the product names recognised as antivirus or EDR.
 * Every finding records the pack id and version that produced it (DOMAIN.md §1).
 *
 * @param effectiveDate the day the pack takes effect
 * @param rules the rules by id; a rule absent from the pack is not evaluated
 * @param antivirusProducts lower-case name fragments of recognised antivirus products
 * @param edrProducts lower-case name fragments of recognised EDR agents
 */
public record RulePack(
        String id,
        String version,
        LocalDate effectiveDate,
        Map<RuleId, Rule> rules,
        List<OsEndOfSupport> endOfSupport,
        List<String> antivirusProducts,
        List<String> edrProducts) {
    public RulePack {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        EnumMap<RuleId, Rule> copy = new EnumMap<>(RuleId.class);
        copy.putAll(rules);
        copy.forEach((k, v) -> {
            if (k != v.id()) {
                throw new IllegalArgumentException("rule keyed " + k.code() + " has id " + v.id().code());
            }
        });
        rules = Collections.unmodifiableMap(copy);
        endOfSupport = List.copyOf(endOfSupport);
        antivirusProducts = antivirusProducts.stream()
                .map(s -> s.toLowerCase(java.util.Locale.ROOT))
                .toList();
        edrProducts = edrProducts.stream()
                .map(s -> s.toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    public Optional<Rule> rule(RuleId rule) {
        return Optional.ofNullable(rules.get(rule));
    }

    /**
     * The threshold in days of a rule.
     *
     * @throws IllegalArgumentException when the pack lacks the rule or the rule has no threshold
     */
    public int days(RuleId rule) {
        Rule r = rules.get(rule);
        if (r == null || r.threshold() == null) {
            throw new IllegalArgumentException("pack " + id + " has no threshold for " + rule.code());
        }
        return r.threshold().days();
    }

    /**
     * This pack with some thresholds overridden by a province administrator, each within the pack's limits.
     *
     * @throws IllegalArgumentException naming the rule and its limits when a value is outside them
     */
    public RulePack withThresholds(Map<RuleId, Integer> overrides) {
        EnumMap<RuleId, Rule> copy = new EnumMap<>(RuleId.class);
        copy.putAll(rules);
        overrides.forEach((ruleId, days) -> {
            Rule r = copy.get(ruleId);
            if (r == null || r.threshold() == null) {
                throw new IllegalArgumentException("rule " + ruleId.code() + " has no threshold in pack " + id);
            }
            Threshold t = r.threshold();
            if (days < t.min() || days > t.max()) {
                throw new IllegalArgumentException("threshold of " + ruleId.code() + " must be within [" + t.min()
                        + ", " + t.max() + "] days, was " + days);
            }
            copy.put(
                    ruleId,
                    new Rule(
                            r.id(),
                            r.titleVi(),
                            r.titleEn(),
                            r.requirements(),
                            r.clauses(),
                            r.severity(),
                            t.with(days)));
        });
        return new RulePack(id, version, effectiveDate, copy, endOfSupport, antivirusProducts, edrProducts);
    }

    /** The first end-of-support entry naming this OS ("name version", any case), or null. */
    public @Nullable OsEndOfSupport endOfSupportOf(String osNameAndVersion) {
        String lower = osNameAndVersion.toLowerCase(java.util.Locale.ROOT);
        for (OsEndOfSupport e : endOfSupport) {
            if (e.matches(lower)) {
                return e;
            }
        }
        return null;
    }
}
