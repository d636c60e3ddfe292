package vn.khien.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulePacksTests {
    private static final String MINIMAL = """
            {"id": "test", "version": "1", "effectiveDate": "2026-07-01",
             "rules": [{"id": "AV-CURRENT", "title": {"vi": "Mẫu cũ", "en": "Old signatures"},
                        "requirements": ["D-AV"], "severity": "MEDIUM",
                        "threshold": {"days": 3, "min": 1, "max": 14}}]}
            """;

    private static RulePack load(String json) {
        return RulePacks.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void baselinePackHasEveryEndpointRuleWithDomainDefaults() {
        RulePack p = RulePacks.builtIn("baseline-2026");

        assertThat(p.id()).isEqualTo("baseline-2026");
        assertThat(p.effectiveDate()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(p.rules()).containsOnlyKeys(RuleId.values());
        assertThat(p.days(RuleId.AV_CURRENT)).isEqualTo(3);
        assertThat(p.days(RuleId.PATCH_AGE)).isEqualTo(35);
        assertThat(p.days(RuleId.BACKUP_AGE)).isEqualTo(7);
        assertThat(p.days(RuleId.REPORTING)).isEqualTo(7);
        assertThat(p.rule(RuleId.EDR_PRESENT).orElseThrow().requirements()).containsExactly("D-EDR");
        assertThat(p.rule(RuleId.SECRET_USB).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(p.endOfSupportOf("Microsoft Windows 10 Pro 10.0.19045").endOfSupport())
                .isEqualTo(LocalDate.of(2025, 10, 14));
    }

    @Test
    void legacyPackHasTheSameShape() {
        RulePack legacy = RulePacks.builtIn("nd85-legacy");
        assertThat(legacy.rules().keySet())
                .isEqualTo(RulePacks.builtIn("baseline-2026").rules().keySet());
        assertThat(legacy.days(RuleId.AV_CURRENT)).isEqualTo(7);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Microsoft Windows 7 Professional|2020-01-14",
                "Microsoft Windows 8.1 Pro|2023-01-10",
                "Microsoft Windows Server 2012 R2 Standard|2023-10-10",
                "Microsoft Windows Server 2008 R2 Enterprise|2020-01-14",
                "Microsoft Windows 10 Enterprise LTSC 2021 10.0.19044|2027-01-12",
                "Ubuntu 18.04.6 LTS (Bionic Beaver)|2023-05-31"
            })
    void recognisesOperatingSystemsPastEndOfSupport(String os, LocalDate end) {
        assertThat(RulePacks.builtIn("baseline-2026").endOfSupportOf(os).endOfSupport())
                .isEqualTo(end);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Microsoft Windows 11 Pro 10.0.22631",
                "Microsoft Windows Server 2022 Standard",
                "Ubuntu 22.04.4 LTS"
            })
    void leavesSupportedSystemsAlone(String os) {
        assertThat(RulePacks.builtIn("baseline-2026").endOfSupportOf(os)).isNull();
    }

    @Test
    void overridesThresholdsWithinTheLimitsTheRuleDeclares() {
        RulePack p = RulePacks.builtIn("baseline-2026").withThresholds(Map.of(RuleId.AV_CURRENT, 5));
        assertThat(p.days(RuleId.AV_CURRENT)).isEqualTo(5);

        assertThatThrownBy(() -> p.withThresholds(Map.of(RuleId.AV_CURRENT, 30)))
                .hasMessage("threshold of AV-CURRENT must be within [1, 14] days, was 30");
        assertThatThrownBy(() -> p.withThresholds(Map.of(RuleId.SECRET_USB, 3)))
                .hasMessageContaining("SECRET-USB has no threshold");
    }

    @Test
    void loadsAMinimalPack() {
        assertThat(load(MINIMAL).rules()).containsOnlyKeys(RuleId.AV_CURRENT);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"AV-CURRENT\"|\"AV-RECENT\"|test: rules[0].id: unknown rule 'AV-RECENT'",
                "\"days\": 3|\"days\": -3|test: rules[0] (AV-CURRENT).threshold.days must be >= 0, was -3",
                "\"min\": 1|\"min\": -1|test: rules[0] (AV-CURRENT).threshold.min must be >= 0, was -1",
                "\"days\": 3|\"days\": 30|test: rules[0] (AV-CURRENT).threshold.days (30) must be within [1, 14]",
                "\"severity\": \"MEDIUM\",|DELETE|test: rules[0] (AV-CURRENT): missing field 'severity'",
                "\"en\": \"Old signatures\"|\"fr\": \"x\"|test: rules[0] (AV-CURRENT).title: missing field 'en'",
                "\"D-AV\"|\"AV\"|test: rules[0] (AV-CURRENT).requirements: 'AV' is not a requirement id like D-AV",
                "\"effectiveDate\": \"2026-07-01\"|\"effectiveDate\": \"01/07/2026\"|test.effectiveDate: wrong date '01/07/2026' (expected yyyy-MM-dd)",
                "\"version\": \"1\",|DELETE|test: missing field 'version'"
            })
    void refusesABrokenPackNamingTheField(String from, String to, String message) {
        String broken = MINIMAL.replace(from, to.equals("DELETE") ? "" : to);
        assertThatThrownBy(() -> load(broken))
                .isInstanceOf(RulePackException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void refusesARuleWithoutItsThresholdAndADuplicateRule() {
        String noThreshold = MINIMAL.replaceAll(",\\s*\"threshold\": \\{[^}]*\\}", "");
        assertThatThrownBy(() -> load(noThreshold))
                .hasMessage("test: rules[0] (AV-CURRENT).threshold: missing field (this rule needs days, min and max)");
        String twice = MINIMAL.replace(
                "]}",
                ", " + MINIMAL.substring(MINIMAL.indexOf("{\"id\": \"AV-CURRENT\""), MINIMAL.lastIndexOf("]}")) + "]}");
        assertThatThrownBy(() -> load(twice)).hasMessage("test: rules[1] (AV-CURRENT).id: rule appears twice");
    }
}
