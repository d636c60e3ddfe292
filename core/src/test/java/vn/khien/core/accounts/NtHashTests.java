package vn.khien.core.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.junit.jupiter.api.Test;

class NtHashTests {
    private static String nt(String password) {
        return HexFormat.of().formatHex(NtHash.of(password));
    }

    @Test
    void matchesKnownNtHashes() {
        assertThat(nt("password")).isEqualTo("8846f7eaee8fb117ad06bdd830b7586c");
        assertThat(nt("")).isEqualTo("31d6cfe0d16ae931b73c59d7e0c089c0");
        assertThat(nt("123456")).isEqualTo("32ed87bdb5fdc5e9cba88547376818d4");
    }

    @Test
    void agreesWithBouncyCastleMd4AcrossBlockBoundaries() {
        StringBuilder password = new StringBuilder();
        for (int n = 0; n < 80; n++) {
            String p = password.toString();
            byte[] utf16 = p.getBytes(StandardCharsets.UTF_16LE);
            MD4Digest md4 = new MD4Digest();
            md4.update(utf16, 0, utf16.length);
            byte[] expected = new byte[16];
            md4.doFinal(expected, 0);
            assertThat(NtHash.of(p)).as("length %d", n).isEqualTo(expected);
            password.append(n % 3 == 0 ? 'ệ' : (char) ('a' + n % 26));
        }
    }

    @Test
    void matchesCandidatesInABufferAsOfDoesAtEveryLength() {
        int[] scratch = new int[NtHash.SCRATCH];
        char[] buffer = new char[80];
        StringBuilder password = new StringBuilder();
        for (int n = 0; n < 70; n++) {
            String p = password.toString();
            p.getChars(0, n, buffer, 0);
            int[] words = NtHash.words(NtHash.of(p));
            assertThat(NtHash.matches(buffer, n, words, scratch))
                    .as("length %d", n)
                    .isTrue();
            int[] other = words.clone();
            other[n % 4] ^= 1 << (n % 32);
            assertThat(NtHash.matches(buffer, n, other, scratch))
                    .as("length %d, one bit off", n)
                    .isFalse();
            if (n > 0) {
                // the hash of the password one unit shorter, with stale units left in the buffer beyond len
                String shorter = p.substring(0, n - 1);
                assertThat(NtHash.matches(buffer, n - 1, NtHash.words(NtHash.of(shorter)), scratch))
                        .as("length %d with a stale unit after it", n - 1)
                        .isTrue();
            }
            password.append(n % 3 == 0 ? 'ệ' : (char) ('a' + n % 26));
        }
    }

    @Test
    void fingerprintComparesButNeverShowsTheHash() {
        PasswordFingerprint fp = PasswordFingerprint.of("Demo@123");
        assertThat(fp.matchesNtHash(NtHash.of("Demo@123"))).isTrue();
        assertThat(fp.matchesNtHash(NtHash.of("demo@123"))).isFalse();
        assertThat(fp.length()).isEqualTo(8);
        assertThat(fp.classes()).isEqualTo("lower+upper+digit+symbol");
        assertThat(fp.toString()).doesNotContain("Demo").doesNotContain(nt("Demo@123"));
    }
}
