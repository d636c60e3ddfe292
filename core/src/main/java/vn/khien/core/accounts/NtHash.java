package vn.khien.core.accounts;

import java.nio.CharBuffer;

/**
 * Computes the NT hash of a password: MD4 (RFC 1320) of its UTF-16LE encoding, the value Active Directory
 * stores and Pwned Passwords' NTLM download lists.
 *
 * <p>Implementation notes: the JDK has no MD4, and audits hash millions of short candidates, so this is a
 * small allocation-light MD4 that packs UTF-16LE code units straight into the message words; passwords up to
 * 27 characters fit one 64-byte block, and {@link #matches} compares such a candidate held in a caller's
 * buffer without allocating. Thread-safe (no shared state; scratch arrays belong to their caller).
 */
public final class NtHash {
    /** Length of an NT hash in bytes. */
    public static final int LENGTH = 16;

    /** Longest password (in UTF-16 code units) whose message fits one block: 2 bytes each, 0x80, 8 length bytes. */
    private static final int ONE_BLOCK = 27;

    /** Length of the scratch array {@link #matches} needs: 16 message words and 4 state words. */
    public static final int SCRATCH = 20;

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
        int[] state = new int[4];
        init(state, 0);
        for (int b = 0; b < blocks; b++) {
            block(state, 0, x, 16 * b);
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

    /**
     * An NT hash as its four little-endian words, the form {@link #matches} compares against.
     */
    public static int[] words(byte[] ntHash) {
        if (ntHash.length != LENGTH) {
            throw new IllegalArgumentException("an NT hash has 16 bytes, got " + ntHash.length);
        }
        int[] w = new int[4];
        for (int i = 0; i < 4; i++) {
            w[i] = (ntHash[4 * i] & 0xff)
                    | (ntHash[4 * i + 1] & 0xff) << 8
                    | (ntHash[4 * i + 2] & 0xff) << 16
                    | (ntHash[4 * i + 3] & 0xff) << 24;
        }
        return w;
    }

    /**
     * Whether the NT hash of the password {@code chars[0, len)} is the hash whose {@link #words} are
     * {@code expected}. Allocates nothing for passwords of up to 27 code units.
     *
     * @param scratch an array of {@link #SCRATCH} ints owned by the caller's thread
     */
    public static boolean matches(char[] chars, int len, int[] expected, int[] scratch) {
        hash(chars, len, scratch);
        return scratch[16] == expected[0]
                && scratch[17] == expected[1]
                && scratch[18] == expected[2]
                && scratch[19] == expected[3];
    }

    /**
     * Writes the {@link #words} of the NT hash of the password {@code chars[0, len)} to {@code out[at, at + 4)}.
     * Allocates nothing for passwords of up to 27 code units.
     *
     * @param scratch an array of {@link #SCRATCH} ints owned by the caller's thread
     */
    public static void words(char[] chars, int len, int[] out, int at, int[] scratch) {
        hash(chars, len, scratch);
        System.arraycopy(scratch, 16, out, at, 4);
    }

    /** Hashes {@code chars[0, len)}, leaving the four words in {@code scratch[16, 20)}. */
    private static void hash(char[] chars, int len, int[] scratch) {
        if (len > ONE_BLOCK) {
            System.arraycopy(words(of(CharBuffer.wrap(chars, 0, len))), 0, scratch, 16, 4);
            return;
        }
        // code unit len is the 0x80 padding byte (low byte of a little-endian unit), the rest zero
        for (int w = 0; w < 14; w++) {
            int i = 2 * w;
            int lo = i < len ? chars[i] : i == len ? 0x80 : 0;
            int hi = i + 1 < len ? chars[i + 1] : i + 1 == len ? 0x80 : 0;
            scratch[w] = lo | hi << 16;
        }
        scratch[14] = 16 * len;
        scratch[15] = 0;
        init(scratch, 16);
        block(scratch, 16, scratch, 0);
    }

    private static void init(int[] s, int so) {
        s[so] = 0x67452301;
        s[so + 1] = 0xefcdab89;
        s[so + 2] = 0x98badcfe;
        s[so + 3] = 0x10325476;
    }

    /** One MD4 compression of the 16 words {@code x[o, o + 16)} into the state {@code s[so, so + 4)}, unrolled. */
    private static void block(int[] s, int so, int[] x, int o) {
        int a = s[so];
        int b = s[so + 1];
        int c = s[so + 2];
        int d = s[so + 3];
        int x0 = x[o];
        int x1 = x[o + 1];
        int x2 = x[o + 2];
        int x3 = x[o + 3];
        int x4 = x[o + 4];
        int x5 = x[o + 5];
        int x6 = x[o + 6];
        int x7 = x[o + 7];
        int x8 = x[o + 8];
        int x9 = x[o + 9];
        int x10 = x[o + 10];
        int x11 = x[o + 11];
        int x12 = x[o + 12];
        int x13 = x[o + 13];
        int x14 = x[o + 14];
        int x15 = x[o + 15];
        // round 1: F(b, c, d) = (b & c) | (~b & d), written d ^ (b & (c ^ d))
        a = Integer.rotateLeft(a + (d ^ (b & (c ^ d))) + x0, 3);
        d = Integer.rotateLeft(d + (c ^ (a & (b ^ c))) + x1, 7);
        c = Integer.rotateLeft(c + (b ^ (d & (a ^ b))) + x2, 11);
        b = Integer.rotateLeft(b + (a ^ (c & (d ^ a))) + x3, 19);
        a = Integer.rotateLeft(a + (d ^ (b & (c ^ d))) + x4, 3);
        d = Integer.rotateLeft(d + (c ^ (a & (b ^ c))) + x5, 7);
        c = Integer.rotateLeft(c + (b ^ (d & (a ^ b))) + x6, 11);
        b = Integer.rotateLeft(b + (a ^ (c & (d ^ a))) + x7, 19);
        a = Integer.rotateLeft(a + (d ^ (b & (c ^ d))) + x8, 3);
        d = Integer.rotateLeft(d + (c ^ (a & (b ^ c))) + x9, 7);
        c = Integer.rotateLeft(c + (b ^ (d & (a ^ b))) + x10, 11);
        b = Integer.rotateLeft(b + (a ^ (c & (d ^ a))) + x11, 19);
        a = Integer.rotateLeft(a + (d ^ (b & (c ^ d))) + x12, 3);
        d = Integer.rotateLeft(d + (c ^ (a & (b ^ c))) + x13, 7);
        c = Integer.rotateLeft(c + (b ^ (d & (a ^ b))) + x14, 11);
        b = Integer.rotateLeft(b + (a ^ (c & (d ^ a))) + x15, 19);
        // round 2: G(b, c, d) = majority, written (b & c) | ((b | c) & d)
        a = Integer.rotateLeft(a + ((b & c) | ((b | c) & d)) + x0 + 0x5A827999, 3);
        d = Integer.rotateLeft(d + ((a & b) | ((a | b) & c)) + x4 + 0x5A827999, 5);
        c = Integer.rotateLeft(c + ((d & a) | ((d | a) & b)) + x8 + 0x5A827999, 9);
        b = Integer.rotateLeft(b + ((c & d) | ((c | d) & a)) + x12 + 0x5A827999, 13);
        a = Integer.rotateLeft(a + ((b & c) | ((b | c) & d)) + x1 + 0x5A827999, 3);
        d = Integer.rotateLeft(d + ((a & b) | ((a | b) & c)) + x5 + 0x5A827999, 5);
        c = Integer.rotateLeft(c + ((d & a) | ((d | a) & b)) + x9 + 0x5A827999, 9);
        b = Integer.rotateLeft(b + ((c & d) | ((c | d) & a)) + x13 + 0x5A827999, 13);
        a = Integer.rotateLeft(a + ((b & c) | ((b | c) & d)) + x2 + 0x5A827999, 3);
        d = Integer.rotateLeft(d + ((a & b) | ((a | b) & c)) + x6 + 0x5A827999, 5);
        c = Integer.rotateLeft(c + ((d & a) | ((d | a) & b)) + x10 + 0x5A827999, 9);
        b = Integer.rotateLeft(b + ((c & d) | ((c | d) & a)) + x14 + 0x5A827999, 13);
        a = Integer.rotateLeft(a + ((b & c) | ((b | c) & d)) + x3 + 0x5A827999, 3);
        d = Integer.rotateLeft(d + ((a & b) | ((a | b) & c)) + x7 + 0x5A827999, 5);
        c = Integer.rotateLeft(c + ((d & a) | ((d | a) & b)) + x11 + 0x5A827999, 9);
        b = Integer.rotateLeft(b + ((c & d) | ((c | d) & a)) + x15 + 0x5A827999, 13);
        // round 3: H(b, c, d) = b ^ c ^ d
        a = Integer.rotateLeft(a + (b ^ c ^ d) + x0 + 0x6ED9EBA1, 3);
        d = Integer.rotateLeft(d + (a ^ b ^ c) + x8 + 0x6ED9EBA1, 9);
        c = Integer.rotateLeft(c + (d ^ a ^ b) + x4 + 0x6ED9EBA1, 11);
        b = Integer.rotateLeft(b + (c ^ d ^ a) + x12 + 0x6ED9EBA1, 15);
        a = Integer.rotateLeft(a + (b ^ c ^ d) + x2 + 0x6ED9EBA1, 3);
        d = Integer.rotateLeft(d + (a ^ b ^ c) + x10 + 0x6ED9EBA1, 9);
        c = Integer.rotateLeft(c + (d ^ a ^ b) + x6 + 0x6ED9EBA1, 11);
        b = Integer.rotateLeft(b + (c ^ d ^ a) + x14 + 0x6ED9EBA1, 15);
        a = Integer.rotateLeft(a + (b ^ c ^ d) + x1 + 0x6ED9EBA1, 3);
        d = Integer.rotateLeft(d + (a ^ b ^ c) + x9 + 0x6ED9EBA1, 9);
        c = Integer.rotateLeft(c + (d ^ a ^ b) + x5 + 0x6ED9EBA1, 11);
        b = Integer.rotateLeft(b + (c ^ d ^ a) + x13 + 0x6ED9EBA1, 15);
        a = Integer.rotateLeft(a + (b ^ c ^ d) + x3 + 0x6ED9EBA1, 3);
        d = Integer.rotateLeft(d + (a ^ b ^ c) + x11 + 0x6ED9EBA1, 9);
        c = Integer.rotateLeft(c + (d ^ a ^ b) + x7 + 0x6ED9EBA1, 11);
        b = Integer.rotateLeft(b + (c ^ d ^ a) + x15 + 0x6ED9EBA1, 15);
        s[so] += a;
        s[so + 1] += b;
        s[so + 2] += c;
        s[so + 3] += d;
    }
}
