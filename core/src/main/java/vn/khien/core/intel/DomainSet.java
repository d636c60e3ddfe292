package vn.khien.core.intel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of normalised domain names, each carrying an {@code int} payload, that answers "which
 * member is the longest label-aligned suffix of this name" without false positives; {@code evil.com}
 * matches {@code evil.com} and {@code a.b.evil.com} but neither {@code notevil.com} nor
 * {@code evil.com.example.net}.
 *
 * <h2>Implementation notes</h2>
 *
 * <p><b>Layout.</b> Names live in one packed byte arena, one record per member: a length byte, the name
 * (lower-case ASCII, punycode for IDN, no trailing dot) and the 4-byte big-endian payload. An
 * open-addressing table of {@code long} slots indexes the arena: the upper 32 bits of a slot hold a
 * fingerprint (the upper half of the name's 64-bit hash), the lower 32 bits the record offset + 1 (0 marks
 * an empty slot). The table has {@code ceil(n / 0.65)} slots (no power-of-two rounding; the home slot is
 * chosen with the multiply-shift range reduction) and uses linear probing, so a miss usually costs one
 * cache line. Memory per member is {@code 8 / 0.65 ≈ 12.3} bytes of table plus {@code 5 + length} bytes of
 * arena, plus one byte of filter (below): about 34 bytes for a 16-character name. Duplicates are dropped at
 * build time (the first payload wins) and the arena is compacted.
 *
 * <p><b>Filter.</b> Most probed suffixes are not members, and a probe of the 12 MB table at a million
 * members is a cache miss. A blocked Bloom filter of one byte per member (one 64-bit word per key, four
 * bits set in it) answers most misses from a structure small enough to stay in the L2/L3 cache; only
 * filter hits (members and about 2–5 % of non-members) go on to the table.
 *
 * <p><b>Hash.</b> A name is cut into 8-byte words aligned on its <em>end</em> (the leftmost word holds
 * the first {@code length % 8} bytes, zero-padded); the words are folded right to left with
 * {@code h = (h ^ word) * K}, the length is added and a 64-bit finaliser (MurmurHash3 {@code fmix64})
 * applied. Because every suffix of a name shares the name's end, it shares the same word boundaries, so
 * while folding the queried name right to left the hash of the suffix after each dot is the running state
 * combined with one masked word. A lookup therefore loads the raw bytes of the queried name eight at a
 * time, lower-cases ASCII letters with SWAR bit arithmetic, finds the dots of each word with the same
 * trick, and probes the table once per label boundary ({@code com}, {@code evil.com}, {@code b.evil.com},
 * {@code a.b.evil.com}); it allocates nothing and costs one multiply per eight bytes plus one finaliser and
 * probe per label. Suffixes with a label count no member has (kept as a 64-bit mask) are not probed,
 * which skips the top-level domain alone and names deeper than any member. A fingerprint hit is confirmed
 * by comparing the bytes with the arena record, so collisions of the 64-bit hash never produce a false
 * match. Building is linear in the total length of the names: one pass appends them to the arena, one
 * pass hashes and inserts them into a table sized once.
 *
 * <p><b>Non-ASCII input.</b> Raw names with bytes outside ASCII (UTF-8 IDN in a log) take a slow path that
 * decodes them and normalises through {@link Domains#normalize} (punycode) before the same lookup.
 *
 * <p><b>Threading.</b> Instances are immutable and safe to share between threads; the {@link Builder} is
 * not thread-safe.
 */
public final class DomainSet {
    /** Returned by lookups when no member matches. */
    public static final int NO_MATCH = -1;

    private static final double LOAD_FACTOR = 0.65;
    private static final long SEED = 0x2545F4914F6CDD1DL;
    private static final long K = 0x9E3779B97F4A7C15L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final long DOTS = 0x2E2E2E2E2E2E2E2EL;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] slots;
    private final long[] filter;
    private final byte[] arena;
    private final int size;
    private final int duplicates;
    /** Bit k is set when some member has k labels (63 stands for 63 or more): other suffixes are not probed. */
    private final long labelCounts;

    private DomainSet(long[] slots, long[] filter, byte[] arena, int size, int duplicates, long labelCounts) {
        this.slots = slots;
        this.filter = filter;
        this.arena = arena;
        this.size = size;
        this.duplicates = duplicates;
        this.labelCounts = labelCounts;
    }

    /** Number of distinct members. */
    public int size() {
        return size;
    }

    /** Members dropped at build time because an equal name was added before. */
    public int duplicates() {
        return duplicates;
    }

    /** Bytes held by this set's arrays and object headers (what the heap pays for it). */
    public long memoryBytes() {
        return 32 + 16 + 8L * slots.length + 16 + 8L * filter.length + 16 + arena.length;
    }

    /** Payload of the member equal to {@code name} (any case, trailing dot allowed), or {@link #NO_MATCH}. */
    public int exact(String name) {
        String n = Domains.normalize(name);
        if (n == null) {
            return NO_MATCH;
        }
        byte[] b = n.getBytes(StandardCharsets.US_ASCII);
        return probe(hashOf(b, 0, b.length), b, 0, b.length);
    }

    /**
     * Payload of the longest member that equals {@code name} or is a label-aligned parent of it, or
     * {@link #NO_MATCH}; case-insensitive, trailing dot ignored, IDN compared in punycode.
     */
    public int longestSuffix(String name) {
        String n = Domains.normalize(name);
        if (n == null) {
            return NO_MATCH;
        }
        byte[] b = n.getBytes(StandardCharsets.US_ASCII);
        return longestSuffix(b, 0, b.length);
    }

    /**
     * Payload of the longest member that equals, or is a label-aligned parent of, the name in
     * {@code bytes[from, to)}, or {@link #NO_MATCH}. ASCII letters are folded to lower case while hashing;
     * one trailing dot is ignored; a name with non-ASCII bytes is decoded as UTF-8 and normalised first.
     */
    public int longestSuffix(byte[] bytes, int from, int to) {
        if (to > from && bytes[to - 1] == '.') {
            to--;
        }
        if (to <= from) {
            return NO_MATCH;
        }
        long h = SEED;
        int found = NO_MATCH;
        int labels = 0;
        long counts = labelCounts;
        for (int end = to; end > from; end -= 8) {
            int start = end - 8;
            long w = load(bytes, start, from, end);
            if ((w & HIGHS) != 0) {
                return slowPath(bytes, from, to);
            }
            w = lowerAscii(w);
            // dots of this chunk, right to left: each ends a suffix (the part of the name right of it)
            long dots = ~((w ^ DOTS) + LOWS) & HIGHS;
            while (dots != 0) {
                int bit = 63 - Long.numberOfLeadingZeros(dots);
                dots &= ~(1L << bit);
                labels = Math.min(labels + 1, 63);
                if ((counts >>> labels & 1) != 0) {
                    int suffixStart = start + (bit >>> 3) + 1;
                    long suffixHash = bit == 63 ? h : (h ^ (w & (-1L << (bit + 1)))) * K;
                    int r = probe(suffixHash + (to - suffixStart), bytes, suffixStart, to);
                    if (r != NO_MATCH) {
                        found = r;
                    }
                }
            }
            h = (h ^ w) * K;
        }
        labels = Math.min(labels + 1, 63);
        if ((counts >>> labels & 1) == 0) {
            return found;
        }
        int r = probe(h + (to - from), bytes, from, to);
        return r != NO_MATCH ? r : found;
    }

    /**
     * The eight bytes {@code b[start, start + 8)} as a little-endian word, with the bytes before {@code from}
     * zeroed (they belong to whatever precedes the name) and without reading outside the array.
     */
    private static long load(byte[] b, int start, int from, int end) {
        long w;
        if (start >= 0) {
            w = (long) LONGS.get(b, start);
        } else {
            w = 0;
            for (int i = end - 1; i >= from; i--) {
                w = (w << 8) | (b[i] & 0xFF);
            }
            return w << ((from - start) << 3);
        }
        return start < from ? w & (-1L << ((from - start) << 3)) : w;
    }

    /** ASCII upper-case letters of a word with no byte above 0x7F turned to lower case, eight at a time. */
    private static long lowerAscii(long w) {
        long atLeastA = (w + 0x3F3F3F3F3F3F3F3FL) & HIGHS;
        long aboveZ = (w + 0x2525252525252525L) & HIGHS;
        return w | ((atLeastA & ~aboveZ) >>> 2);
    }

    /** The hash {@link #longestSuffix} computes for the whole of {@code b[from, to)} (lower case already). */
    private static long hashOf(byte[] b, int from, int to) {
        long h = SEED;
        for (int end = to; end > from; end -= 8) {
            h = (h ^ load(b, end - 8, from, end)) * K;
        }
        return h + (to - from);
    }

    private int slowPath(byte[] bytes, int from, int to) {
        String n = Domains.normalize(new String(bytes, from, to - from, StandardCharsets.UTF_8));
        if (n == null) {
            return NO_MATCH;
        }
        byte[] b = n.getBytes(StandardCharsets.US_ASCII);
        return longestSuffix(b, 0, b.length);
    }

    private int probe(long h, byte[] bytes, int from, int to) {
        long m = mix(h);
        long[] f = filter;
        long bits = filterBits(m);
        if ((f[filterWord(m, f.length)] & bits) != bits) {
            return NO_MATCH;
        }
        int fingerprint = (int) (m >>> 32);
        long[] s = slots;
        int cap = s.length;
        int i = (int) (((m & 0xFFFFFFFFL) * cap) >>> 32);
        while (true) {
            long slot = s[i];
            if (slot == 0) {
                return NO_MATCH;
            }
            if ((int) (slot >>> 32) == fingerprint) {
                int off = (int) slot - 1;
                if (sameName(off, bytes, from, to)) {
                    return payloadAt(arena, off);
                }
            }
            if (++i == cap) {
                i = 0;
            }
        }
    }

    private boolean sameName(int off, byte[] bytes, int from, int to) {
        byte[] a = arena;
        int len = a[off] & 0xFF;
        if (len != to - from) {
            return false;
        }
        int p = off + 1;
        for (int i = from; i < to; i++, p++) {
            int c = bytes[i];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != a[p]) {
                return false;
            }
        }
        return true;
    }

    private static int payloadAt(byte[] a, int off) {
        int p = off + 1 + (a[off] & 0xFF);
        return ((a[p] & 0xFF) << 24) | ((a[p + 1] & 0xFF) << 16) | ((a[p + 2] & 0xFF) << 8) | (a[p + 3] & 0xFF);
    }

    /** Word of the filter for hash {@code m}: multiply-shift of the upper half. */
    private static int filterWord(long m, int words) {
        return (int) (((m >>> 32) * words) >>> 32);
    }

    /** Four bits of a 64-bit filter word, chosen by 4 × 6 low bits of the hash. */
    private static long filterBits(long m) {
        return (1L << m) | (1L << (m >>> 6)) | (1L << (m >>> 12)) | (1L << (m >>> 18));
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * Builds a set from text with one domain per line (the first whitespace-separated token); blank lines
     * and lines starting with {@code #} are skipped, invalid names are counted in
     * {@link Builder#invalid()}. The payload of each member is its 0-based position among the accepted
     * names.
     */
    public static DomainSet fromLines(byte[] text) {
        return fromLines(text, new Builder(Math.max(16, text.length + text.length / 8)));
    }

    static DomainSet fromLines(byte[] text, Builder b) {
        int n = text.length;
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && text[i] != '\n') {
                i++;
            }
            int end = i;
            i++;
            while (start < end && isBlank(text[start])) {
                start++;
            }
            if (start == end || text[start] == '#') {
                continue;
            }
            int tokenEnd = start;
            while (tokenEnd < end && !isBlank(text[tokenEnd])) {
                tokenEnd++;
            }
            b.add(text, start, tokenEnd, b.added());
        }
        return b.build();
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    public static Builder builder() {
        return new Builder(1 << 12);
    }

    /** Collects members in a packed arena; {@link #build()} indexes them. Not thread-safe. */
    public static final class Builder {
        private byte[] arena;
        private int used;
        private int added;
        private int invalid;

        Builder(int initialBytes) {
            arena = new byte[initialBytes];
        }

        /** Names accepted so far (duplicates included). */
        public int added() {
            return added;
        }

        /** Names refused as not valid host names. */
        public int invalid() {
            return invalid;
        }

        /** Adds {@code name} (normalised here) with {@code payload}; returns false when it is not valid. */
        public boolean add(CharSequence name, int payload) {
            String n = Domains.normalize(name.toString());
            if (n == null) {
                invalid++;
                return false;
            }
            int len = n.length();
            int off = reserve(len);
            for (int i = 0; i < len; i++) {
                arena[off + 1 + i] = (byte) n.charAt(i);
            }
            commit(off, len, payload);
            return true;
        }

        /**
         * Adds the name in {@code bytes[from, to)} with {@code payload}: ASCII is lower-cased and one trailing
         * dot dropped in place; other input goes through {@link Domains#normalize}. Returns false when the
         * name is not valid.
         */
        public boolean add(byte[] bytes, int from, int to, int payload) {
            if (to > from && bytes[to - 1] == '.') {
                to--;
            }
            int len = to - from;
            if (len <= 0 || len > 253) {
                invalid++;
                return false;
            }
            int off = reserve(len);
            byte[] a = arena;
            int p = off + 1;
            int labelLen = 0;
            boolean ok = true;
            for (int i = from; i < to; i++, p++) {
                int c = bytes[i];
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                } else if (c == '.') {
                    ok &= labelLen > 0;
                    labelLen = -1;
                } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                    if (c < 0) {
                        return add(new String(bytes, from, to - from, StandardCharsets.UTF_8), payload);
                    }
                    ok = false;
                }
                a[p] = (byte) c;
                labelLen++;
                ok &= labelLen <= 63;
            }
            if (!ok || labelLen == 0) {
                invalid++;
                return false;
            }
            commit(off, len, payload);
            return true;
        }

        private int reserve(int len) {
            int need = used + 1 + len + 4;
            if (need > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(need, arena.length + (arena.length >> 1)));
            }
            return used;
        }

        private void commit(int off, int len, int payload) {
            byte[] a = arena;
            a[off] = (byte) len;
            int p = off + 1 + len;
            a[p] = (byte) (payload >>> 24);
            a[p + 1] = (byte) (payload >>> 16);
            a[p + 2] = (byte) (payload >>> 8);
            a[p + 3] = (byte) payload;
            used = p + 4;
            added++;
        }

        /** Indexes the collected names; the builder must not be used afterwards. */
        public DomainSet build() {
            int cap = Math.max(2, (int) Math.ceil(added / LOAD_FACTOR) + 1);
            long[] slots = new long[cap];
            long[] filter = new long[Math.max(1, (added + 7) / 8)];
            byte[] a = arena;
            int read = 0;
            int write = 0;
            int size = 0;
            int dups = 0;
            long labelCounts = 0;
            while (read < used) {
                int len = a[read] & 0xFF;
                int recLen = 1 + len + 4;
                int labels = 1;
                for (int i = read + len; i > read; i--) {
                    if (a[i] == '.') {
                        labels++;
                    }
                }
                labelCounts |= 1L << Math.min(labels, 63);
                long m = mix(hashOf(a, read + 1, read + 1 + len));
                int fingerprint = (int) (m >>> 32);
                int i = (int) (((m & 0xFFFFFFFFL) * cap) >>> 32);
                boolean dup = false;
                while (slots[i] != 0) {
                    long slot = slots[i];
                    if ((int) (slot >>> 32) == fingerprint && sameRecord(a, (int) slot - 1, read, len)) {
                        dup = true;
                        break;
                    }
                    if (++i == cap) {
                        i = 0;
                    }
                }
                if (dup) {
                    dups++;
                } else {
                    if (write != read) {
                        System.arraycopy(a, read, a, write, recLen);
                    }
                    slots[i] = ((long) fingerprint << 32) | ((write + 1) & 0xFFFFFFFFL);
                    filter[filterWord(m, filter.length)] |= filterBits(m);
                    write += recLen;
                    size++;
                }
                read += recLen;
            }
            byte[] packed = write == a.length ? a : Arrays.copyOf(a, write);
            arena = new byte[0];
            used = 0;
            return new DomainSet(slots, filter, packed, size, dups, labelCounts);
        }

        private static boolean sameRecord(byte[] a, int off, int other, int len) {
            if ((a[off] & 0xFF) != len) {
                return false;
            }
            return Arrays.equals(a, off + 1, off + 1 + len, a, other + 1, other + 1 + len);
        }
    }

    /** The member name stored for {@code payload}, for tests and diagnostics; linear in the set's size. */
    @Nullable
    String nameOf(int payload) {
        int off = 0;
        while (off < arena.length) {
            int len = arena[off] & 0xFF;
            if (payloadAt(arena, off) == payload) {
                return new String(arena, off + 1, len, StandardCharsets.US_ASCII);
            }
            off += 1 + len + 4;
        }
        return null;
    }
}
