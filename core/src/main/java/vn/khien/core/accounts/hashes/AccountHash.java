package vn.khien.core.accounts.hashes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.jspecify.annotations.Nullable;
import vn.khien.core.accounts.NtHash;

/**
 * One account's current password hash, parsed from an export, able to tell whether a candidate password
 * produces it. The hash is held for the run only: {@link #toString()} shows the account, scheme and line but
 * never the hash, and no accessor returns it outside this package.
 */
public final class AccountHash {
    private final String account;
    private final HashScheme scheme;
    private final long line;
    private final byte[] digest;
    private final byte[] salt;
    private final String crypt;

    AccountHash(String account, HashScheme scheme, long line, byte[] digest, byte[] salt, String crypt) {
        this.account = Objects.requireNonNull(account, "account");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.line = line;
        this.digest = digest;
        this.salt = salt;
        this.crypt = crypt;
    }

    /** An account with an NT hash, for callers holding one from a directory sync. */
    public static AccountHash ntlm(String account, byte[] ntHash) {
        if (ntHash.length != NtHash.LENGTH) {
            throw new IllegalArgumentException("an NT hash has 16 bytes, got " + ntHash.length);
        }
        return new AccountHash(account, HashScheme.NTLM, 0, ntHash.clone(), new byte[0], "");
    }

    /** The account name as exported (for NTLM, {@code DOMAIN\\user} when the export had the domain). */
    public String account() {
        return account;
    }

    public HashScheme scheme() {
        return scheme;
    }

    /** 1-based line in the export, or 0 when not read from a file. */
    public long line() {
        return line;
    }

    /** Whether {@code password} hashes to this account's hash. */
    public boolean matches(String password) {
        return switch (scheme) {
            case NTLM -> MessageDigest.isEqual(digest, NtHash.of(password));
            case SHA -> MessageDigest.isEqual(digest, sha("SHA-1", password, salt));
            case SSHA -> MessageDigest.isEqual(digest, sha("SHA-1", password, salt));
            case SSHA512 -> MessageDigest.isEqual(digest, sha("SHA-512", password, salt));
            case MD5_CRYPT, SHA256_CRYPT, SHA512_CRYPT ->
                MessageDigest.isEqual(
                        crypt.getBytes(StandardCharsets.US_ASCII),
                        Crypt.crypt(password, crypt).getBytes(StandardCharsets.US_ASCII));
            case BCRYPT -> OpenBSDBCrypt.checkPassword(crypt, password.toCharArray());
        };
    }

    /**
     * Whether the leaked password behind {@code leaked} is still this account's password ("leaked password
     * still in use"); decidable for NTLM and unsalted {@code {SHA}} hashes only, {@code false} otherwise.
     */
    public boolean sameAsLeaked(vn.khien.core.accounts.PasswordFingerprint leaked) {
        return switch (scheme) {
            case NTLM -> leaked.matchesNtHash(digest);
            case SHA -> leaked.matchesSha1(digest);
            default -> false;
        };
    }

    /** The unsalted digest (NTLM, {@code {SHA}}) for grouping and store lookups, or {@code null}. */
    byte @Nullable [] unsaltedDigest() {
        return scheme.salted() ? null : digest;
    }

    static byte[] sha(String algorithm, String password, byte[] salt) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            md.update(password.getBytes(StandardCharsets.UTF_8));
            md.update(salt);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides " + algorithm, e);
        }
    }

    @Override
    public String toString() {
        return "AccountHash[account=" + account + ", scheme=" + scheme + ", line=" + line + ", hash=<redacted>]";
    }
}
