package vn.khien.core.accounts;

/**
 * Computes the NT hash of a password: MD4 (RFC 1320) of its UTF-16LE encoding, the value Active Directory
 * stores and Pwned Passwords' NTLM download lists.
 *
 * <p>Implementation notes: the JDK has no MD4, and audits hash millions of short candidates, so this is a
 * small allocation-light MD4 that packs UTF-16LE code units straight into the message words; passwords up to
 * 27 characters fit one 64-byte block. Thread-safe (no shared state).
 */
public final class NtHash {
    /** Length of an NT hash in bytes. */
    public static final int LENGTH = 16;

    private static final int[] ROUND3_ORDER = {0, 2, 1, 3};

    private NtHash() {}

    /** Returns the 16-byte NT hash of {@code password}. */
    public static byte[] of(CharSequence password) {
        int n = password.length();
        long bits = 16L * n;
        int byteLen = 2 * n;
        int blocks = (byteLen + 8) / 64 + 1;
        int[] x = new int[16 * blocks];
        for (int i = 0; i < n; i++) {
            x[i >>> 1] |= password.charAt(i) << ((i & 1) << 4);
        }
        x[byteLen >>> 2] |= 0x80 << ((byteLen & 3) << 3);
        x[16 * blocks - 2] = (int) bits;
        x[16 * blocks - 1] = (int) (bits >>> 32);
        int[] state = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
        for (int b = 0; b < blocks; b++) {
            block(state, x, 16 * b);
        }
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < 4; i++) {
            int v = state[i];
            out[4 * i] = (byte) v;
            out[4 * i + 1] = (byte) (v >>> 8);
            out[4 * i + 2] = (byte) (v >>> 16);
            out[4 * i + 3] = (byte) (v >>> 24);
        }
        return out;
    }

    private static void block(int[] s, int[] x, int o) {
        int a = s[0];
        int b = s[1];
        int c = s[2];
        int d = s[3];
        for (int i = 0; i < 16; i += 4) {
            a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + x[o + i], 3);
            d = Integer.rotateLeft(d + ((a & b) | (~a & c)) + x[o + i + 1], 7);
            c = Integer.rotateLeft(c + ((d & a) | (~d & b)) + x[o + i + 2], 11);
            b = Integer.rotateLeft(b + ((c & d) | (~c & a)) + x[o + i + 3], 19);
        }
        for (int i = 0; i < 4; i++) {
            a = Integer.rotateLeft(a + ((b & c) | (b & d) | (c & d)) + x[o + i] + 0x5A827999, 3);
            d = Integer.rotateLeft(d + ((a & b) | (a & c) | (b & c)) + x[o + i + 4] + 0x5A827999, 5);
            c = Integer.rotateLeft(c + ((d & a) | (d & b) | (a & b)) + x[o + i + 8] + 0x5A827999, 9);
            b = Integer.rotateLeft(b + ((c & d) | (c & a) | (d & a)) + x[o + i + 12] + 0x5A827999, 13);
        }
        for (int i : ROUND3_ORDER) {
            a = Integer.rotateLeft(a + (b ^ c ^ d) + x[o + i] + 0x6ED9EBA1, 3);
            d = Integer.rotateLeft(d + (a ^ b ^ c) + x[o + i + 8] + 0x6ED9EBA1, 9);
            c = Integer.rotateLeft(c + (d ^ a ^ b) + x[o + i + 4] + 0x6ED9EBA1, 11);
            b = Integer.rotateLeft(b + (c ^ d ^ a) + x[o + i + 12] + 0x6ED9EBA1, 15);
        }
        s[0] += a;
        s[1] += b;
        s[2] += c;
        s[3] += d;
    }
}
