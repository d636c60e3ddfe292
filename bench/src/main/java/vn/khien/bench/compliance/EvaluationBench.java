package vn.khien.bench.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.khien.core.compliance.ComplianceInput;
import vn.khien.core.compliance.ComplianceScores;
import vn.khien.core.compliance.Evaluation;
import vn.khien.core.compliance.RuleEvaluator;
import vn.khien.core.compliance.RuleId;
import vn.khien.core.compliance.RulePacks;
import vn.khien.core.compliance.RuleResult;
import vn.khien.core.compliance.Status;
import vn.khien.core.compliance.UnitFacts;

/**
 * Times a full evaluation of every rule of {@code baseline-2026} over a synthetic province (default 100,000
 * endpoints, ~50 programs each), single-threaded and in parallel, plus unit scoring. Usage:
 * {@code java -cp bench/target/benchmarks.jar vn.khien.bench.compliance.EvaluationBench [endpoints] [rounds]}.
 */
public final class EvaluationBench {
    private EvaluationBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Instant now = Instant.parse("2026-11-20T03:00:00Z");
        long t0 = System.nanoTime();
        SyntheticEndpoints.Province p = SyntheticEndpoints.generate(n, 42, now);
        long software =
                p.endpoints().stream().mapToLong(e -> e.software().size()).sum();
        System.out.printf(
                "generated %,d endpoints, %,d software items (%.1f per endpoint) in %.2f s%n",
                n, software, (double) software / n, (System.nanoTime() - t0) / 1e9);

        List<UnitFacts> units = new ArrayList<>();
        Map<String, String> parents = new HashMap<>();
        parents.put("PROVINCE", null);
        for (int u = 0; u < 300; u++) {
            units.add(new UnitFacts("UNIT-" + u, u % 17 == 0 ? null : "officer " + u, null));
            parents.put("UNIT-" + u, "PROVINCE");
        }
        ComplianceInput in = new ComplianceInput(p.endpoints(), p.units(), units, Map.of());
        RuleEvaluator evaluator = new RuleEvaluator(RulePacks.builtIn("baseline-2026"));
        System.out.printf(
                "cores available: %d, max heap %,d MB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        Evaluation last = null;
        for (String mode : new String[] {"single-threaded", "parallel"}) {
            for (int r = 1; r <= rounds; r++) {
                long s = System.nanoTime();
                long cpu =
                        java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                last = mode.equals("parallel") ? evaluator.evaluateInParallel(in, now) : evaluator.evaluate(in, now);
                double secs = (System.nanoTime() - s) / 1e9;
                double cpuSecs = (java.lang.management.ManagementFactory.getThreadMXBean()
                                        .getCurrentThreadCpuTime()
                                - cpu)
                        / 1e9;
                System.out.printf(
                        "%-16s round %d: %.3f s wall, %.3f s CPU of the calling thread, %,d results%n",
                        mode, r, secs, cpuSecs, last.results().size());
            }
        }
        long s = System.nanoTime();
        var scores = ComplianceScores.score(last, Set.of(), parents);
        System.out.printf(
                "scoring %,d results into %d units: %.3f s; province overall %s%n",
                last.results().size(),
                scores.size(),
                (System.nanoTime() - s) / 1e9,
                scores.get("PROVINCE").overall());
        Map<RuleId, long[]> byRule = new EnumMap<>(RuleId.class);
        for (RuleResult r : last.results()) {
            long[] c = byRule.computeIfAbsent(r.rule(), k -> new long[3]);
            c[r.status().ordinal()]++;
        }
        byRule.forEach((rule, c) -> System.out.printf(
                "  %-13s pass %,7d  fail %,7d  n/a %,7d%n",
                rule.code(), c[Status.PASS.ordinal()], c[Status.FAIL.ordinal()], c[Status.NOT_APPLICABLE.ordinal()]));
    }
}
