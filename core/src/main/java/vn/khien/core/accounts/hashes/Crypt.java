package vn.khien.core.accounts.hashes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The crypt(3) schemes OpenLDAP {@code {CRYPT}} values use on Linux: MD5-crypt ({@code $1$}, Poul-Henning
 * Kamp's algorithm) and SHA-crypt ({@code $5$}, {@code $6$}, Ulrich Drepper's specification, rounds 1000 to
 * 999,999,999, default 5000). Each method returns the full crypt string for a password and the settings
 * taken from an existing crypt string, so verifying is comparing strings.
 */
final class Crypt {
    private static final char[] ITOA64 =
            "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int[][] SHA512_ORDER = {
        {0, 21, 42},
        {22, 43, 1},
        {44, 2, 23},
        {3, 24, 45},
        {25, 46, 4},
        {47, 5, 26},
        {6, 27, 48},
        {28, 49, 7},
        {50, 8, 29},
        {9, 30, 51},
        {31, 52, 10},
        {53, 11, 32},
        {12, 33, 54},
        {34, 55, 13},
        {56, 14, 35},
        {15, 36, 57},
        {37, 58, 16},
        {59, 17, 38},
        {18, 39, 60},
        {40, 61, 19},
        {62, 20, 41}
    };
    private static final int[][] SHA256_ORDER = {
        {0, 10, 20},
        {21, 1, 11},
        {12, 22, 2},
        {3, 13, 23},
        {24, 4, 14},
        {15, 25, 5},
        {6, 16, 26},
        {27, 7, 17},
        {18, 28, 8},
        {9, 19, 29}
    };

    private Crypt() {}

    /** Whether this class implements the scheme of {@code crypt}. */
    static boolean supports(String crypt) {
        return crypt.startsWith("$1$") || crypt.startsWith("$5$") || crypt.startsWith("$6$");
    }

    /** Hashes {@code password} with the scheme, rounds and salt of {@code setting}. */
    static String crypt(String password, String setting) {
        if (setting.startsWith("$1$")) {
            return md5Crypt(password, setting);
        }
        if (setting.startsWith("$5$")) {
            return shaCrypt(password, setting, "SHA-256", "$5$", SHA256_ORDER);
        }
        if (setting.startsWith("$6$")) {
            return shaCrypt(password, setting, "SHA-512", "$6$", SHA512_ORDER);
        }
        throw new IllegalArgumentException("unsupported crypt scheme");
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides " + algorithm, e);
        }
    }

    static String md5Crypt(String password, String setting) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        String rest = setting.substring(3);
        int end = rest.indexOf('$');
        String saltText = end < 0 ? rest : rest.substring(0, end);
        if (saltText.length() > 8) {
            saltText = saltText.substring(0, 8);
        }
        byte[] salt = saltText.getBytes(StandardCharsets.UTF_8);
        MessageDigest ctx = digest("MD5");
        ctx.update(pw);
        ctx.update("$1$".getBytes(StandardCharsets.US_ASCII));
        ctx.update(salt);
        MessageDigest alt = digest("MD5");
        alt.update(pw);
        alt.update(salt);
        alt.update(pw);
        byte[] f = alt.digest();
        for (int pl = pw.length; pl > 0; pl -= 16) {
            ctx.update(f, 0, Math.min(pl, 16));
        }
        for (int i = pw.length; i != 0; i >>>= 1) {
            if ((i & 1) != 0) {
                ctx.update((byte) 0);
            } else {
                ctx.update(pw[0]);
            }
        }
        f = ctx.digest();
        for (int i = 0; i < 1000; i++) {
            ctx.reset();
            if ((i & 1) != 0) {
                ctx.update(pw);
            } else {
                ctx.update(f);
            }
            if (i % 3 != 0) {
                ctx.update(salt);
            }
            if (i % 7 != 0) {
                ctx.update(pw);
            }
            if ((i & 1) != 0) {
                ctx.update(f);
            } else {
                ctx.update(pw);
            }
            f = ctx.digest();
        }
        StringBuilder sb = new StringBuilder("$1$").append(saltText).append('$');
        to64(sb, f[0], f[6], f[12], 4);
        to64(sb, f[1], f[7], f[13], 4);
        to64(sb, f[2], f[8], f[14], 4);
        to64(sb, f[3], f[9], f[15], 4);
        to64(sb, f[4], f[10], f[5], 4);
        to64(sb, (byte) 0, (byte) 0, f[11], 2);
        return sb.toString();
    }

    static String shaCrypt(String password, String setting, String algorithm, String prefix, int[][] order) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        String rest = setting.substring(prefix.length());
        int rounds = 5000;
        boolean customRounds = false;
        if (rest.startsWith("rounds=")) {
            int d = rest.indexOf('$');
            if (d < 0) {
                throw new IllegalArgumentException("rounds without salt");
            }
            long r = Long.parseLong(rest.substring(7, d));
            rounds = (int) Math.max(1000, Math.min(999_999_999L, r));
            customRounds = true;
            rest = rest.substring(d + 1);
        }
        int end = rest.indexOf('$');
        String saltText = end < 0 ? rest : rest.substring(0, end);
        if (saltText.length() > 16) {
            saltText = saltText.substring(0, 16);
        }
        byte[] salt = saltText.getBytes(StandardCharsets.UTF_8);
        MessageDigest md = digest(algorithm);
        int hl = md.getDigestLength();
        md.update(pw);
        md.update(salt);
        md.update(pw);
        byte[] b = md.digest();
        md.update(pw);
        md.update(salt);
        int n = pw.length;
        for (; n > hl; n -= hl) {
            md.update(b, 0, hl);
        }
        md.update(b, 0, n);
        for (int i = pw.length; i > 0; i >>>= 1) {
            if ((i & 1) != 0) {
                md.update(b, 0, hl);
            } else {
                md.update(pw);
            }
        }
        byte[] a = md.digest();
        for (int i = 0; i < pw.length; i++) {
            md.update(pw);
        }
        byte[] dp = md.digest();
        byte[] p = new byte[pw.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = dp[i % hl];
        }
        for (int i = 0; i < 16 + (a[0] & 0xFF); i++) {
            md.update(salt);
        }
        byte[] ds = md.digest();
        byte[] s = new byte[salt.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = ds[i % hl];
        }
        for (int r = 0; r < rounds; r++) {
            if ((r & 1) != 0) {
                md.update(p);
            } else {
                md.update(a, 0, hl);
            }
            if (r % 3 != 0) {
                md.update(s);
            }
            if (r % 7 != 0) {
                md.update(p);
            }
            if ((r & 1) != 0) {
                md.update(a, 0, hl);
            } else {
                md.update(p);
            }
            a = md.digest();
        }
        StringBuilder sb = new StringBuilder(prefix);
        if (customRounds) {
            sb.append("rounds=").append(rounds).append('$');
        }
        sb.append(saltText).append('$');
        for (int[] o : order) {
            to64(sb, a[o[0]], a[o[1]], a[o[2]], 4);
        }
        if (hl == 64) {
            to64(sb, (byte) 0, (byte) 0, a[63], 2);
        } else {
            to64(sb, (byte) 0, a[31], a[30], 3);
        }
        return sb.toString();
    }

    private static void to64(StringBuilder sb, byte b2, byte b1, byte b0, int n) {
        int w = ((b2 & 0xFF) << 16) | ((b1 & 0xFF) << 8) | (b0 & 0xFF);
        for (int i = 0; i < n; i++) {
            sb.append(ITOA64[w & 0x3f]);
            w >>>= 6;
        }
    }
}
