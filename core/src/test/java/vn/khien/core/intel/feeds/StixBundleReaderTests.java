package vn.khien.core.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.khien.core.intel.Indicator;
import vn.khien.core.intel.IndicatorType;

class StixBundleReaderTests {
    private static IndicatorImport read(String file) throws Exception {
        return StixBundleReader.read(Files.readAllBytes(Path.of("src/test/resources/stix21", file)), "stix");
    }

    @Test
    void splitsOrIntoSeveralIndicatorsWithContext() throws Exception {
        IndicatorImport r = read("khien-patterns.json");

        Indicator domain = r.indicators().get(0);
        assertThat(domain.type()).isEqualTo(IndicatorType.DOMAIN);
        assertThat(domain.value()).isEqualTo("c2.evil-example.vn");
        assertThat(domain.tlp()).isEqualTo("amber+strict");
        assertThat(domain.confidence()).isEqualTo(85);
        assertThat(domain.validUntil()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(domain.tags()).contains("apt32", "malicious-activity");
        assertThat(r.indicators())
                .extracting(Indicator::value)
                .contains(
                        "203.0.113.7",
                        "2001:db8::5",
                        "phish@example.org",
                        "ceo@example.org",
                        "http://bad.example.com/a?b=1");
    }

    @Test
    void takesEachAndComparisonAloneAndKeepsRevocation() throws Exception {
        Indicator ip = read("khien-patterns.json").indicators().stream()
                .filter(i -> i.value().equals("198.51.100.9"))
                .findFirst()
                .orElseThrow();

        assertThat(ip.revoked()).isTrue();
        assertThat(ip.activeAt(Instant.parse("2025-06-01T00:00:00Z"))).isFalse();
    }

    @Test
    void reportsUnsupportedPatternsWithIndicatorId() throws Exception {
        IndicatorImport r = read("malicious-email-indicator-with-attachment.json");

        assertThat(r.indicators()).isEmpty();
        assertThat(r.report().rejections()).hasSize(2).allSatisfy(x -> {
            assertThat(x.reason()).startsWith("indicator--").contains("MATCHES");
            assertThat(x.element()).endsWith("/pattern");
        });
    }

    @Test
    void namesMalwareTheIndicatorIndicates() throws Exception {
        assertThat(read("malware-indicator-for-file-hash.json")
                        .indicators()
                        .get(0)
                        .tags())
                .contains("Poison Ivy");
    }

    @Test
    void readsTlpFromBundleMarkingDefinition() throws Exception {
        assertThat(read("using-marking-definitions.json").indicators().get(0).tlp())
                .isEqualTo("amber");
    }

    @Test
    void rejectsMalformedBundleWithClearError() {
        byte[] truncated =
                "{\"type\": \"bundle\", \"objects\": [ {\"type\": \"indicator\"".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StixBundleReader.read(truncated, "x"))
                .isInstanceOf(IndicatorFormatException.class)
                .hasMessageContaining("not a STIX 2.1 bundle: invalid JSON");
        assertThatThrownBy(() -> StixBundleReader.read("{\"type\": \"report\"}".getBytes(StandardCharsets.UTF_8), "x"))
                .isInstanceOf(IndicatorFormatException.class)
                .hasMessageContaining("\"type\": \"bundle\"");
        assertThatThrownBy(() -> StixBundleReader.read("{\"type\": \"bundle\"}".getBytes(StandardCharsets.UTF_8), "x"))
                .isInstanceOf(IndicatorFormatException.class)
                .hasMessageContaining("objects");
    }

    @Test
    void flattensNestedPatternsWithQualifiers() {
        StixPattern.Flat flat =
                StixPattern.flatten("([ipv4-addr:value = '1.2.3.4'] OR [domain-name:value = 'a.example']) FOLLOWEDBY "
                        + "[file:hashes.'SHA-256' = 'ab'] WITHIN 300 SECONDS");

        assertThat(flat.conjunctive()).isTrue();
        assertThat(flat.comparisons())
                .extracting(StixPattern.Comparison::path)
                .containsExactly("ipv4-addr:value", "domain-name:value", "file:hashes.'SHA-256'");
    }
}
