package vn.khien.core.accounts.combolist;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The province's email domains, matched label-aligned and case-insensitively against the host part of an
 * address: with {@code hatinh.gov.vn} listed, {@code mail.hatinh.gov.vn} falls under it, while
 * {@code nothatinh.gov.vn} and {@code hatinh.gov.vn.example.com} do not.
 *
 * <p>Implementation notes: a host is walked right to left once, folding ASCII case and updating a rolling
 * hash; at each label boundary the suffix is looked up in a small open-addressing table (hash, length, then
 * bytes). Hosts whose top-level label no listed domain has are refused after a few bytes, which is what
 * makes the scanner fast on lists dominated by other domains. Before that walk, {@link #mayMatch} refuses
 * almost every other host with one table probe: every host under a listed domain ends with the last
 * {@code min(16, shortest domain)} bytes of one of them, read as two little-endian words, lower-cased by SWAR.
 * Immutable and thread-safe.
 */
public final class DomainList {
    private static final Pattern DOMAIN =
            Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,62})(\\.[a-z0-9_]([a-z0-9_-]{0,62}))*");
    static final byte[] LOWER = new byte[256];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;

    static {
        for (int i = 0; i < 256; i++) {
            LOWER[i] = (byte) (i >= 'A' && i <= 'Z' ? i + 32 : i);
        }
    }

    private final List<String> domains;
    private final byte[][] bytes;
    private final int[] hashes;
    private final int[] table;
    private final int mask;
    private final int[] tldHashes;
    private final int[] tldLengths;
    private final int minLength;
    private final int maxLength;
    /** Bytes of the suffix key: the last {@code min(16, minLength)} bytes of a host. */
    private final int keyLength;

    private final long lowMask;
    private final long highMask;
    private final int[] keySlots;
    private final long[] keyWords;
    private final int keyShift;

    private DomainList(List<String> domains) {
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("the domain list is empty");
        }
        this.domains = List.copyOf(domains);
        int n = domains.size();
        bytes = new byte[n][];
        hashes = new int[n];
        int size = Integer.highestOneBit(Math.max(4, n * 4) - 1) << 1;
        table = new int[size];
        mask = size - 1;
        List<String> tlds = new ArrayList<>();
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < n; i++) {
            byte[] b = domains.get(i).getBytes(StandardCharsets.US_ASCII);
            bytes[i] = b;
            hashes[i] = reverseHash(b, 0, b.length);
            min = Math.min(min, b.length);
            max = Math.max(max, b.length);
            int slot = hashes[i] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
            String d = domains.get(i);
            String tld = d.substring(d.lastIndexOf('.') + 1);
            if (!tlds.contains(tld)) {
                tlds.add(tld);
            }
        }
        tldHashes = new int[tlds.size()];
        tldLengths = new int[tlds.size()];
        for (int i = 0; i < tlds.size(); i++) {
            byte[] b = tlds.get(i).getBytes(StandardCharsets.US_ASCII);
            tldHashes[i] = reverseHash(b, 0, b.length);
            tldLengths[i] = b.length;
        }
        minLength = min;
        maxLength = max;
        keyLength = Math.min(16, min);
        lowMask = keyLength >= 8 ? -1L : -1L << (8 * (8 - keyLength));
        highMask = keyLength <= 8 ? 0 : -1L << (8 * (16 - keyLength));
        int slots = Math.max(64, Integer.highestOneBit(n * 8 - 1) << 1);
        keySlots = new int[slots];
        keyShift = 64 - Integer.numberOfTrailingZeros(slots);
        keyWords = new long[2 * n];
        int keys = 0;
        for (byte[] b : bytes) {
            byte[] padded = new byte[16 + b.length];
            System.arraycopy(b, 0, padded, 16, b.length);
            long low = lower((long) LONGS.get(padded, padded.length - 8)) & lowMask;
            long high = lower((long) LONGS.get(padded, padded.length - 16)) & highMask;
            int slot = keySlot(low, high);
            while (keySlots[slot] != 0
                    && (keyWords[2 * keySlots[slot] - 2] != low || keyWords[2 * keySlots[slot] - 1] != high)) {
                slot = (slot + 1) & (slots - 1);
            }
            if (keySlots[slot] == 0) {
                keyWords[2 * keys] = low;
                keyWords[2 * keys + 1] = high;
                keySlots[slot] = ++keys;
            }
        }
    }

    private int keySlot(long low, long high) {
        return (int) ((low * 0x9E3779B97F4A7C15L + high * 0xC2B2AE3D27D4EB4FL) >>> keyShift);
    }

    /** ASCII upper case to lower case in each byte of {@code w}; bytes outside 'A'..'Z' are left as they are. */
    static long lower(long w) {
        long y = w & LOW7;
        long upper = (y + ONES * (0x80 - 'A')) & ~(y + ONES * (0x7F - 'Z')) & ~w & HIGHS;
        return w | (upper >>> 2);
    }

    /**
     * False when the host {@code buf[from, to)} (host characters only) can fall under no listed domain: shorter
     * than the shortest, or its last bytes are no listed domain's. True means "ask {@link #matchHost}".
     */
    boolean mayMatch(byte[] buf, int from, int to) {
        if (to - from < minLength) {
            return false;
        }
        if (to < 16) {
            return true; // too near the buffer start to read two words: let matchHost decide
        }
        long low = lower((long) LONGS.get(buf, to - 8)) & lowMask;
        long high = lower((long) LONGS.get(buf, to - 16)) & highMask;
        int slot = keySlot(low, high);
        int e;
        while ((e = keySlots[slot]) != 0) {
            if (keyWords[2 * e - 2] == low && keyWords[2 * e - 1] == high) {
                return true;
            }
            slot = (slot + 1) & (keySlots.length - 1);
        }
        return false;
    }

    /**
     * Builds a list from domain names; each is trimmed, lower-cased, stripped of a leading {@code @} or
     * {@code *.}, and must be a syntactically valid DNS name (an exception names the first bad one).
     */
    public static DomainList of(Collection<String> names) {
        Set<String> clean = new LinkedHashSet<>();
        for (String name : names) {
            clean.add(normalise(name));
        }
        return new DomainList(new ArrayList<>(clean));
    }

    /** Reads one domain per line; blank lines and lines starting with {@code #} are skipped. */
    public static DomainList read(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            try {
                names.add(t);
                normalise(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(file + ": no domains listed");
        }
        return of(names);
    }

    private static String normalise(String name) {
        String d = name.strip().toLowerCase(Locale.ROOT);
        if (d.startsWith("@")) {
            d = d.substring(1);
        } else if (d.startsWith("*.")) {
            d = d.substring(2);
        }
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.length() > 253 || !DOMAIN.matcher(d).matches()) {
            throw new IllegalArgumentException("not a domain name: '" + name.strip() + "'");
        }
        return d;
    }

    /** The listed domains, normalised, in the order given. */
    public List<String> domains() {
        return domains;
    }

    /** The most specific listed domain {@code host} falls under, or {@code null}. */
    public @Nullable String match(String host) {
        byte[] b = host.getBytes(StandardCharsets.UTF_8);
        int i = matchHost(b, 0, b.length);
        return i < 0 ? null : domains.get(i);
    }

    /** The listed domain with index {@code i} (as returned by {@link #matchHost}). */
    String domain(int i) {
        return domains.get(i);
    }

    /**
     * Index of the most specific listed domain that {@code buf[from, to)} (a host name, any ASCII case) equals
     * or ends with at a label boundary, or -1.
     */
    int matchHost(byte[] buf, int from, int to) {
        int len = to - from;
        if (len < minLength) {
            return -1;
        }
        int h = 0;
        int i = to - 1;
        // top-level label first: refuses most foreign hosts after a few bytes
        while (i >= from && buf[i] != '.') {
            h = 31 * h + LOWER[buf[i] & 0xFF];
            i--;
        }
        int tldLen = to - 1 - i;
        boolean tldKnown = false;
        for (int t = 0; t < tldHashes.length; t++) {
            if (tldHashes[t] == h && tldLengths[t] == tldLen) {
                tldKnown = true;
                break;
            }
        }
        if (!tldKnown) {
            return -1;
        }
        int best = -1;
        while (true) {
            int suffixLen = to - 1 - i;
            if (suffixLen >= minLength) {
                int found = lookup(h, buf, i + 1, to);
                if (found >= 0) {
                    best = found;
                }
            }
            if (i < from || suffixLen >= maxLength) {
                return best;
            }
            // include the dot, then the next label leftwards
            h = 31 * h + '.';
            i--;
            while (i >= from && buf[i] != '.') {
                h = 31 * h + LOWER[buf[i] & 0xFF];
                i--;
            }
        }
    }

    private int lookup(int h, byte[] buf, int from, int to) {
        int slot = h & mask;
        int e;
        while ((e = table[slot]) != 0) {
            int idx = e - 1;
            if (hashes[idx] == h && equalsIgnoreCase(bytes[idx], buf, from, to)) {
                return idx;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private static boolean equalsIgnoreCase(byte[] lower, byte[] buf, int from, int to) {
        if (lower.length != to - from) {
            return false;
        }
        for (int k = 0; k < lower.length; k++) {
            if (lower[k] != LOWER[buf[from + k] & 0xFF]) {
                return false;
            }
        }
        return true;
    }

    private static int reverseHash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = to - 1; i >= from; i--) {
            h = 31 * h + LOWER[b[i] & 0xFF];
        }
        return h;
    }

    @Override
    public String toString() {
        return "DomainList" + domains;
    }
}
