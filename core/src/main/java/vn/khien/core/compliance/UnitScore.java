package vn.khien.core.compliance;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A unit's compliance, counting its whole subtree: per rule, and overall as the share of subjects (endpoints and
 * units) that comply with every rule applying to them.
 *
 * @param perRule score per rule evaluated
 * @param overall subjects compliant on all applicable rules / subjects with at least one applicable rule
 */
public record UnitScore(String unitId, Map<RuleId, Score> perRule, Score overall) {
    public UnitScore {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(overall, "overall");
        EnumMap<RuleId, Score> copy = new EnumMap<>(RuleId.class);
        copy.putAll(perRule);
        perRule = Collections.unmodifiableMap(copy);
    }

    /** The score of one rule, {@link Score#EMPTY} when no subject of the subtree was evaluated by it. */
    public Score rule(RuleId rule) {
        return perRule.getOrDefault(rule, Score.EMPTY);
    }
}
