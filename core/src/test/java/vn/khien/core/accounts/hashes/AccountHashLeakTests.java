package vn.khien.core.accounts.hashes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.khien.core.accounts.NtHash;
import vn.khien.core.accounts.PasswordFingerprint;

class AccountHashLeakTests {
    @Test
    void tellsWhetherALeakedPasswordIsStillTheCurrentNtHash() {
        AccountHash current = AccountHash.ntlm("hanh.nn", NtHash.of("Leaked#Pass1"));
        assertThat(current.sameAsLeaked(PasswordFingerprint.of("Leaked#Pass1"))).isTrue();
        assertThat(current.sameAsLeaked(PasswordFingerprint.of("Other#Pass2"))).isFalse();
        assertThat(current.toString()).doesNotContain("Leaked");
    }

    @Test
    void comparesUnsaltedShaButNotSaltedHashes() throws Exception {
        byte[] sha = java.security.MessageDigest.getInstance("SHA-1")
                .digest("Leaked#Pass1".getBytes(StandardCharsets.UTF_8));
        String export = "u1\t{SHA}" + Base64.getEncoder().encodeToString(sha) + "\n" + "u2\t{SSHA}"
                + Base64.getEncoder().encodeToString(new byte[24]) + "\n";
        HashFileParser.Parsed parsed = new HashFileParser()
                .parse(new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)), HashFormat.LDAP);
        assertThat(parsed.hashes().get(0).sameAsLeaked(PasswordFingerprint.of("Leaked#Pass1")))
                .isTrue();
        assertThat(parsed.hashes().get(1).sameAsLeaked(PasswordFingerprint.of("Leaked#Pass1")))
                .isFalse();
    }
}
