package vn.khien.core.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.core.intel.Indicator;
import vn.khien.core.intel.IndicatorType;

class WarninglistTests {
    private static Indicator indicator(IndicatorType type, String value) {
        return new Indicator(type, value, "t", null, null, null, 50, null, List.of(), false);
    }

    @Test
    void defaultsSuppressPrivateRangesResolversTopDomainsAndEmptyHashes() {
        Warninglists defaults = Warninglists.defaults();

        assertThat(defaults.match(indicator(IndicatorType.IPV4, "192.168.1.20")))
                .isPresent();
        assertThat(defaults.match(indicator(IndicatorType.CIDR, "10.20.0.0/16")))
                .isPresent();
        assertThat(defaults.match(indicator(IndicatorType.IPV6, "fd12:3456::1")))
                .isPresent();
        assertThat(defaults.match(indicator(IndicatorType.IPV4, "8.8.8.8"))).isPresent();
        assertThat(defaults.match(indicator(IndicatorType.DOMAIN, "dichvucong.gov.vn")))
                .isPresent();
        assertThat(defaults.match(indicator(IndicatorType.URL, "https://update.microsoft.com/x")))
                .isPresent();
        assertThat(defaults.match(indicator(
                        IndicatorType.SHA256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")))
                .isPresent();
    }

    @Test
    void doesNotSuppressLookalikesOrPublicAddresses() {
        Warninglists defaults = Warninglists.defaults();

        assertThat(defaults.match(indicator(IndicatorType.DOMAIN, "notgoogle.com")))
                .isEmpty();
        assertThat(defaults.match(indicator(IndicatorType.DOMAIN, "google.com.evil.example")))
                .isEmpty();
        assertThat(defaults.match(indicator(IndicatorType.IPV4, "203.0.113.7"))).isEmpty();
        assertThat(defaults.match(indicator(IndicatorType.CIDR, "10.0.0.0/7"))).isEmpty();
        assertThat(defaults.match(indicator(IndicatorType.IPV4, "8.8.8.9"))).isEmpty();
    }

    @Test
    void readsMispListsAndHonoursMatchingAttributes() throws Exception {
        Warninglist rfc1918;
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/misp/warninglist-rfc1918.json"))) {
            rfc1918 = Warninglist.parse(in);
        }
        Warninglist email;
        try (InputStream in =
                Files.newInputStream(Path.of("src/test/resources/misp/warninglist-disposable-email.json"))) {
            email = Warninglist.parse(in);
        }

        assertThat(rfc1918.type()).isEqualTo(Warninglist.Type.CIDR);
        assertThat(rfc1918.matches(indicator(IndicatorType.IPV4, "172.31.255.1")))
                .isTrue();
        assertThat(rfc1918.matches(indicator(IndicatorType.IPV4, "172.32.0.1"))).isFalse();
        assertThat(email.size()).isEqualTo(1000);
        assertThat(email.type()).isEqualTo(Warninglist.Type.SUBSTRING);
    }

    @Test
    void matchesRegexAndStringLists() {
        Warninglist regex = Warninglist.of("r", Warninglist.Type.REGEX, List.of("/^cdn[0-9]+\\.example$/"));
        Warninglist string = Warninglist.of("s", Warninglist.Type.STRING, List.of("Exact.Example"));

        assertThat(regex.matches("cdn12.example")).isTrue();
        assertThat(regex.matches("cdnx.example")).isFalse();
        assertThat(string.matches("exact.example")).isTrue();
        assertThat(string.matches("a.exact.example")).isFalse();
    }
}
