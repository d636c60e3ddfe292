package vn.khien.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComplianceScoresTests {
    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    private static final Explanation X = new Explanation("k", List.of(), "vi", "en");

    private static RuleResult r(RuleId rule, String subject, String unit, Status status) {
        return new RuleResult(rule, Subject.endpoint(subject), unit, status, List.of(), X);
    }

    private static Map<String, String> tree() {
        Map<String, String> parents = new HashMap<>();
        parents.put("TINH", null);
        parents.put("STC", "TINH");
        parents.put("XA-AN", "TINH");
        parents.put("STC-KT", "STC");
        return parents;
    }

    @Test
    void scoresPerRuleAndOverallUpTheUnitTree() {
        Evaluation ev = new Evaluation(
                "baseline-2026",
                "2026.1",
                NOW,
                List.of(
                        r(RuleId.AV_PRESENT, "pc1", "STC-KT", Status.PASS),
                        r(RuleId.EDR_PRESENT, "pc1", "STC-KT", Status.FAIL),
                        r(RuleId.AV_PRESENT, "pc2", "STC-KT", Status.PASS),
                        r(RuleId.EDR_PRESENT, "pc2", "STC-KT", Status.NOT_APPLICABLE),
                        r(RuleId.AV_PRESENT, "pc3", "XA-AN", Status.FAIL),
                        r(RuleId.EDR_PRESENT, "pc3", "XA-AN", Status.PASS),
                        r(RuleId.AV_PRESENT, "pc4", null, Status.FAIL)));

        Map<String, UnitScore> scores = ComplianceScores.score(ev, Set.of(), tree());

        assertThat(scores.get("STC-KT").rule(RuleId.AV_PRESENT)).isEqualTo(new Score(2, 2));
        assertThat(scores.get("STC-KT").rule(RuleId.EDR_PRESENT)).isEqualTo(new Score(0, 1));
        assertThat(scores.get("STC-KT").overall()).isEqualTo(new Score(1, 2));
        assertThat(scores.get("STC").overall()).isEqualTo(new Score(1, 2));
        assertThat(scores.get("XA-AN").overall()).isEqualTo(new Score(0, 1));
        assertThat(scores.get("TINH").rule(RuleId.AV_PRESENT)).isEqualTo(new Score(2, 3));
        assertThat(scores.get("TINH").overall()).isEqualTo(new Score(1, 3));
        assertThat(scores.get("TINH").overall().percent()).hasValue(33.3);
        assertThat(scores.get("STC").rule(RuleId.REPORTING)).isEqualTo(Score.EMPTY);
        assertThat(Score.EMPTY.share()).isEmpty();
    }

    @Test
    void countsExemptedFailuresAsCompliant() {
        Evaluation ev = new Evaluation(
                "p",
                "1",
                NOW,
                List.of(
                        r(RuleId.OS_SUPPORTED, "pc1", "XA-AN", Status.FAIL),
                        r(RuleId.OS_SUPPORTED, "pc2", "XA-AN", Status.FAIL)));

        Map<String, UnitScore> scores =
                ComplianceScores.score(ev, Set.of(new Exemption(RuleId.OS_SUPPORTED, Subject.endpoint("pc1"))), tree());

        assertThat(scores.get("XA-AN").rule(RuleId.OS_SUPPORTED)).isEqualTo(new Score(1, 2));
        assertThat(scores.get("TINH").overall()).isEqualTo(new Score(1, 2));
    }

    @Test
    void addsPublishedAccountCountsToTheUnitAndItsAncestors() {
        Evaluation ev = new Evaluation("p", "1", NOW, List.of(r(RuleId.AV_PRESENT, "pc1", "XA-AN", Status.PASS)));
        Map<String, UnitScore> published = Map.of(
                "XA-AN",
                new UnitScore(
                        "XA-AN",
                        Map.of(RuleId.ACCOUNT_WEAK, new Score(3, 4), RuleId.ACCOUNT_IDLE, new Score(4, 4)),
                        new Score(3, 4)),
                "STC-KT",
                new UnitScore("STC-KT", Map.of(RuleId.ACCOUNT_WEAK, new Score(2, 2)), new Score(2, 2)));

        Map<String, UnitScore> scores = ComplianceScores.score(ev, Set.of(), tree(), published);

        assertThat(scores.get("XA-AN").rule(RuleId.ACCOUNT_WEAK)).isEqualTo(new Score(3, 4));
        assertThat(scores.get("XA-AN").overall()).isEqualTo(new Score(4, 5));
        assertThat(scores.get("TINH").rule(RuleId.ACCOUNT_WEAK)).isEqualTo(new Score(5, 6));
        assertThat(scores.get("TINH").rule(RuleId.AV_PRESENT)).isEqualTo(new Score(1, 1));
        assertThat(scores.get("TINH").overall()).isEqualTo(new Score(6, 7));
        assertThat(RuleId.ACCOUNT_WEAK.published()).isTrue();
        assertThat(RuleId.AV_PRESENT.published()).isFalse();
    }

    @Test
    void refusesACycleInTheUnitTree() {
        Map<String, String> cyclic = Map.of("A", "B", "B", "A");
        Evaluation ev = new Evaluation("p", "1", NOW, List.of());
        assertThatThrownBy(() -> ComplianceScores.score(ev, Set.of(), cyclic)).hasMessageContaining("cycle");
    }
}
