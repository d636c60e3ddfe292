package vn.khien.core.intel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpSetTests {
    private static IpSet set() {
        IpSet.Builder b = IpSet.builder();
        b.add("10.0.0.0/8", 0);
        b.add("10.1.0.0/16", 1);
        b.add("10.1.2.3", 2);
        b.add("2001:db8::/32", 3);
        b.add("2001:db8:1::/48", 4);
        b.add("2001:db8:1::5", 5);
        b.add("192.0.2.77/24", 6);
        b.add("0.0.0.0/0", 7);
        return b.build();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "10.9.9.9, 0",
        "10.1.9.9, 1",
        "10.1.2.3, 2",
        "192.0.2.1, 6",
        "8.8.8.8, 7",
        "2001:db8:ffff::1, 3",
        "2001:DB8:1::9, 4",
        "2001:db8:1:0:0:0:0:5, 5",
        "[2001:db8:1::5], 5",
        "2001:db9::1, -1",
        "::ffff:10.1.2.3, 2",
        "not-an-ip, -1",
        "10.1.2, -1",
        "256.1.1.1, -1"
    })
    void findsTheLongestPrefix(String address, int expected) {
        assertThat(set().longestPrefix(address)).isEqualTo(expected);
    }

    @Test
    void keepsTheFirstOfEqualNetworksAndRejectsBadInput() {
        IpSet.Builder b = IpSet.builder();
        assertThat(b.add("10.1.2.3/8", 4)).isTrue();
        assertThat(b.add("10.0.0.0/8", 9)).isTrue();
        assertThat(b.add("10.0.0.0/33", 1)).isFalse();
        assertThat(b.add("evil.com", 1)).isFalse();
        assertThat(b.add("10.0.0.0/x", 1)).isFalse();
        IpSet set = b.build();
        assertThat(set.ipv4Size()).isEqualTo(1);
        assertThat(set.longestPrefix("10.200.0.1")).isEqualTo(4);
    }

    @Test
    void costsEightBytesPerIpv4EntryPlusArrayHeaders() {
        IpSet.Builder b = IpSet.builder();
        for (int i = 0; i < 10_000; i++) {
            b.addV4(i * 7919, 32, i);
        }
        IpSet set = b.build();
        assertThat(set.ipv4Size()).isEqualTo(10_000);
        assertThat(set.ipv4MemoryBytes()).isEqualTo(8L * 10_000 + 32);
        assertThat(set.longestPrefixV4(7919 * 5)).isEqualTo(5);
    }
}
