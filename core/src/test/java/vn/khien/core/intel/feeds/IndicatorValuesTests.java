package vn.khien.core.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.khien.core.intel.IndicatorType;

class IndicatorValuesTests {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "203.0.113.7|IPV4|203.0.113.7",
                "45.95.146.20:1337|IPV4|45.95.146.20",
                "2001:0DB8:0000:0000:0000:0000:0000:0001|IPV6|2001:db8::1",
                "::ffff:203.0.113.7|IPV4|203.0.113.7",
                "2001:db8:0:1:0:0:0:1|IPV6|2001:db8:0:1::1",
                "10.1.2.3/8|CIDR|10.0.0.0/8",
                "2001:db8::/32|CIDR|2001:db8::/32",
                "Evil.Example.COM.|DOMAIN|evil.example.com",
                "*.evil.example|DOMAIN|evil.example",
                "bücher.example|DOMAIN|xn--bcher-kva.example",
                "evil[.]example|DOMAIN|evil.example",
                "hxxps://Evil.Example:443/Path?Q=1#frag|URL|https://evil.example/Path?Q=1",
                "evil.example/x.exe|URL|http://evil.example/x.exe",
                "D41D8CD98F00B204E9800998ECF8427E|MD5|d41d8cd98f00b204e9800998ecf8427e",
                "Someone@Phish.Example|EMAIL|someone@phish.example"
            })
    void infersTypeAndNormalises(String raw, IndicatorType type, String value) {
        assertThat(IndicatorValues.infer(raw)).isEqualTo(new IndicatorValues.Typed(type, value));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "999.1.1.1",
                "01.2.3.4",
                "localhost",
                "1.2.3",
                "a..b.com",
                "-bad.example",
                "12345",
                "2001:db8::1::2",
                "10.0.0.0/33",
                "http://",
                "x@"
            })
    void rejectsWhatIsNoIndicator(String raw) {
        assertThatThrownBy(() -> IndicatorValues.infer(raw)).isInstanceOf(IllegalArgumentException.class);
    }
}
