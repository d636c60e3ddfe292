package vn.khien.core.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What Khiên keeps of a leaked password for one run: its length, its character classes, and its NT hash and
 * SHA-1 held privately so they can only be compared with an account's current hash ("leaked password still in
 * use"). It exposes no hash bytes, and {@link #toString()} shows only the length and classes, so neither the
 * password nor an unsalted hash of it can reach a log, a JSON document or an exception message.
 */
public final class PasswordFingerprint {
    private final byte[] ntHash;
    private final byte[] sha1;
    private final int length;
    private final String classes;

    private PasswordFingerprint(byte[] ntHash, byte[] sha1, int length, String classes) {
        this.ntHash = ntHash;
        this.sha1 = sha1;
        this.length = length;
        this.classes = classes;
    }

    /** Fingerprints {@code password}; the caller drops the password afterwards. */
    public static PasswordFingerprint of(String password) {
        try {
            return of(password, MessageDigest.getInstance("SHA-1"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-1", e);
        }
    }

    /**
     * Fingerprints {@code password} with a caller-owned SHA-1 digest (reset here), sparing the provider
     * lookup when millions of hits are fingerprinted on one thread.
     */
    public static PasswordFingerprint of(String password, MessageDigest sha1) {
        sha1.reset();
        byte[] digest = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
        return new PasswordFingerprint(
                NtHash.of(password), digest, password.codePointCount(0, password.length()), classesOf(password));
    }

    /** Number of characters (code points) of the leaked password. */
    public int length() {
        return length;
    }

    /**
     * The character classes present, joined by {@code +} in a fixed order: {@code lower}, {@code upper},
     * {@code digit}, {@code symbol}, {@code other} (non-ASCII); {@code empty} for an empty password.
     */
    public String classes() {
        return classes;
    }

    /** Whether the leaked password has this NT hash (an account's current AD hash). */
    public boolean matchesNtHash(byte[] currentNtHash) {
        return MessageDigest.isEqual(ntHash, currentNtHash);
    }

    /** Whether the leaked password has this unsalted SHA-1 (an LDAP {@code {SHA}} value). */
    public boolean matchesSha1(byte[] currentSha1) {
        return MessageDigest.isEqual(sha1, currentSha1);
    }

    /** Whether two fingerprints come from the same password. */
    public boolean samePasswordAs(PasswordFingerprint other) {
        return Arrays.equals(sha1, other.sha1);
    }

    /** The class names of each combination of the five class bits (lower 1, upper 2, digit 4, symbol 8, other 16). */
    private static final String[] CLASS_NAMES = new String[32];

    static {
        String[] names = {"lower", "upper", "digit", "symbol", "other"};
        for (int bits = 1; bits < 32; bits++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < names.length; k++) {
                if ((bits & (1 << k)) != 0) {
                    sb.append(sb.length() > 0 ? "+" : "").append(names[k]);
                }
            }
            CLASS_NAMES[bits] = sb.toString();
        }
        CLASS_NAMES[0] = "empty";
    }

    static String classesOf(String password) {
        int bits = 0;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'a' && c <= 'z') {
                bits |= 1;
            } else if (c >= 'A' && c <= 'Z') {
                bits |= 2;
            } else if (c >= '0' && c <= '9') {
                bits |= 4;
            } else if (c < 0x80) {
                bits |= 8;
            } else {
                bits |= 16;
            }
        }
        return CLASS_NAMES[bits];
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PasswordFingerprint other && samePasswordAs(other);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha1);
    }

    @Override
    public String toString() {
        return "PasswordFingerprint[length=" + length + ", classes=" + classes + ", hashes=<redacted>]";
    }
}
