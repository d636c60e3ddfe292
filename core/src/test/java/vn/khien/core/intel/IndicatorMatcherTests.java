package vn.khien.core.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import vn.khien.core.logs.LogEvent;

class IndicatorMatcherTests {
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    private static Indicator ind(IndicatorType type, String value) {
        return new Indicator(type, value, "test-feed", null, null, null, 80, null, List.of("apt32"), false);
    }

    private static LogEvent event(
            @Nullable String domain, @Nullable String dst, @Nullable String url, @Nullable String hash) {
        return new LogEvent(1, null, LogEvent.Kind.HTTP, "10.12.4.57", domain, dst, 443, url, hash, "raw");
    }

    private final List<Indicator> list = List.of(
            ind(IndicatorType.DOMAIN, "evil.com"),
            new Indicator(IndicatorType.DOMAIN, "revoked.com", "f", null, null, null, 50, null, List.of(), true),
            new Indicator(
                    IndicatorType.DOMAIN,
                    "expired.com",
                    "f",
                    null,
                    null,
                    NOW.minusSeconds(1),
                    50,
                    null,
                    List.of(),
                    false),
            ind(IndicatorType.IPV4, "198.51.100.9"),
            ind(IndicatorType.CIDR, "203.0.113.0/24"),
            ind(IndicatorType.IPV6, "2001:db8::66"),
            ind(IndicatorType.URL, "http://files.example/payload.exe"),
            ind(IndicatorType.SHA256, "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"),
            ind(IndicatorType.EMAIL, "Boss@Phish.Example"),
            ind(IndicatorType.DOMAIN, "not a domain"));

    @Test
    void skipsRevokedExpiredAndInvalidIndicators() {
        IndicatorMatcher m = IndicatorMatcher.build(list, NOW);
        assertThat(m.inactiveCount()).isEqualTo(2);
        assertThat(m.invalidCount()).isEqualTo(1);
        assertThat(m.matchDomain("revoked.com")).isEqualTo(-1);
        assertThat(m.matchDomain("a.expired.com")).isEqualTo(-1);
    }

    @Test
    void reportsWhichIndicatorMatchedWhichField() {
        IndicatorMatcher m = IndicatorMatcher.build(list, NOW);
        List<IndicatorMatch> hits = m.match(event(
                "cdn.Evil.com",
                "203.0.113.50",
                "HTTP://FILES.example:80/payload.exe#x",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(hits)
                .extracting(h -> h.field() + " " + h.observed() + " -> " + h.indicatorIndex() + " "
                        + h.indicator().value())
                .containsExactly(
                        "DOMAIN cdn.Evil.com -> 0 evil.com",
                        "DESTINATION_IP 203.0.113.50 -> 4 203.0.113.0/24",
                        "URL HTTP://FILES.example:80/payload.exe#x -> 6 http://files.example/payload.exe",
                        "FILE_HASH e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 -> 7 "
                                + "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855");
        assertThat(hits.get(0).indicator().tags()).containsExactly("apt32");
    }

    @Test
    void matchesTheHostOfAUrlWhenTheEventHasNoDomain() {
        IndicatorMatcher m = IndicatorMatcher.build(list, NOW);
        assertThat(m.match(event(null, null, "https://user:pw@x.evil.com:8443/a", null)))
                .extracting(IndicatorMatch::observed)
                .containsExactly("x.evil.com");
    }

    @Test
    void benignEventMatchesNothing() {
        IndicatorMatcher m = IndicatorMatcher.build(list, NOW);
        assertThat(m.match(event("notevil.com", "8.8.8.8", "http://files.example/other.exe", null)))
                .isEmpty();
    }

    @Test
    void matchesAddressesHashesAndEmails() {
        IndicatorMatcher m = IndicatorMatcher.build(list, NOW);
        assertThat(m.matchIp("198.51.100.9")).isEqualTo(3);
        assertThat(m.matchIp("2001:db8:0::66")).isEqualTo(5);
        assertThat(m.matchEmail("boss@PHISH.example")).isEqualTo(8);
        assertThat(m.matchHash("d41d8cd98f00b204e9800998ecf8427e")).isEqualTo(-1);
    }
}
