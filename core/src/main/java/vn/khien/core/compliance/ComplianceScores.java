package vn.khien.core.compliance;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Computes unit scores from an evaluation: per rule, the share of compliant subjects (exempted failures count as
 * compliant, not-applicable results are left out), and overall, the share of subjects compliant with every
 * applicable rule; each unit's score covers its subtree, following parent links.
 *
 * <p>Implementation notes: one pass over the results builds each unit's own counts, then each unit's counts are
 * added to every ancestor (O(units × depth)). A cycle in the parent links is refused.
 */
public final class ComplianceScores {
    private ComplianceScores() {}

    /**
     * Scores every unit named in {@code parents} (as a key or a parent) or owning a result.
     *
     * @param parents unit id → parent unit id (null for the root or roots)
     * @throws IllegalArgumentException when the parent links form a cycle
     */
    public static Map<String, UnitScore> score(
            Evaluation evaluation, Set<Exemption> exemptions, Map<String, @Nullable String> parents) {
        return score(evaluation, exemptions, parents, Map.of());
    }

    /**
     * As {@link #score(Evaluation, Set, Map)}, adding the counts of rules evaluated elsewhere ({@link
     * RuleId#published()}, e.g. the account audits): each entry is a unit's own counts (not its subtree), per rule
     * and overall (subjects compliant with every published rule), rolled up to the ancestors like the rest.
     *
     * @param published unit id → that unit's own published counts
     */
    public static Map<String, UnitScore> score(
            Evaluation evaluation,
            Set<Exemption> exemptions,
            Map<String, @Nullable String> parents,
            Map<String, UnitScore> published) {
        Map<String, EnumMap<RuleId, long[]>> perRule = new HashMap<>();
        Map<String, long[]> overall = new HashMap<>();
        Map<Subject, boolean[]> subjects = new LinkedHashMap<>();
        Map<Subject, String> subjectUnit = new HashMap<>();
        for (RuleResult r : evaluation.results()) {
            if (r.unit() == null || r.status() == Status.NOT_APPLICABLE) {
                continue;
            }
            boolean ok = r.status() == Status.PASS || exemptions.contains(new Exemption(r.rule(), r.subject()));
            long[] c = perRule.computeIfAbsent(r.unit(), u -> new EnumMap<>(RuleId.class))
                    .computeIfAbsent(r.rule(), k -> new long[2]);
            c[1]++;
            if (ok) {
                c[0]++;
            }
            boolean[] all = subjects.computeIfAbsent(r.subject(), s -> new boolean[] {true});
            all[0] &= ok;
            subjectUnit.putIfAbsent(r.subject(), r.unit());
        }
        subjects.forEach((s, all) -> {
            long[] c = overall.computeIfAbsent(subjectUnit.get(s), u -> new long[2]);
            c[1]++;
            if (all[0]) {
                c[0]++;
            }
        });

        published.forEach((unit, own) -> {
            EnumMap<RuleId, long[]> rules = perRule.computeIfAbsent(unit, u -> new EnumMap<>(RuleId.class));
            own.perRule().forEach((rule, sc) -> {
                long[] c = rules.computeIfAbsent(rule, k -> new long[2]);
                c[0] += sc.compliant();
                c[1] += sc.total();
            });
            long[] c = overall.computeIfAbsent(unit, u -> new long[2]);
            c[0] += own.overall().compliant();
            c[1] += own.overall().total();
        });

        Set<String> units = new HashSet<>(parents.keySet());
        parents.values().forEach(p -> {
            if (p != null) {
                units.add(p);
            }
        });
        units.addAll(perRule.keySet());
        units.addAll(overall.keySet());

        Map<String, EnumMap<RuleId, long[]>> treeRule = new HashMap<>();
        Map<String, long[]> treeAll = new HashMap<>();
        for (String u : units) {
            EnumMap<RuleId, long[]> own = perRule.get(u);
            long[] ownAll = overall.get(u);
            Set<String> visited = new HashSet<>();
            for (String a = u; a != null; a = parents.get(a)) {
                if (!visited.add(a)) {
                    throw new IllegalArgumentException("unit tree has a cycle through '" + a + "'");
                }
                if (own != null) {
                    EnumMap<RuleId, long[]> target = treeRule.computeIfAbsent(a, k -> new EnumMap<>(RuleId.class));
                    own.forEach((rule, c) -> {
                        long[] t = target.computeIfAbsent(rule, k -> new long[2]);
                        t[0] += c[0];
                        t[1] += c[1];
                    });
                }
                if (ownAll != null) {
                    long[] t = treeAll.computeIfAbsent(a, k -> new long[2]);
                    t[0] += ownAll[0];
                    t[1] += ownAll[1];
                }
            }
        }
        Map<String, UnitScore> out = new LinkedHashMap<>();
        units.stream().sorted().forEach(u -> {
            Map<RuleId, Score> rules = new EnumMap<>(RuleId.class);
            treeRule.getOrDefault(u, new EnumMap<>(RuleId.class))
                    .forEach((rule, c) -> rules.put(rule, new Score(c[0], c[1])));
            long[] all = treeAll.getOrDefault(u, new long[2]);
            out.put(u, new UnitScore(u, rules, new Score(all[0], all[1])));
        });
        return out;
    }
}
