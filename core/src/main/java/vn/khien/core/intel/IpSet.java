package vn.khien.core.intel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of IPv4 and IPv6 addresses and CIDR networks, each carrying an {@code int} payload, that
 * answers "which member is the longest prefix containing this address".
 *
 * <h2>Implementation notes</h2>
 *
 * <p>For every prefix length in use (0–32 for IPv4, 0–128 for IPv6) the set keeps the network addresses
 * of that length in one sorted primitive array and the payloads in a parallel {@code int[]}; a single
 * address is a /32 (or /128) network. A lookup masks the address to each prefix length present, longest
 * first, and binary-searches that length's array, so it costs at most (number of lengths in use) × log n
 * comparisons and allocates nothing for IPv4. Memory is 8 bytes per IPv4 entry (4 network + 4 payload)
 * and 20 per IPv6 entry. Host bits of a CIDR are cleared on input; of several equal networks the smallest
 * payload wins (the first, when payloads are positions in an input list). IPv4-mapped IPv6 addresses
 * ({@code ::ffff:a.b.c.d}) are looked up as IPv4. Instances are immutable and thread-safe.
 */
public final class IpSet {
    /** Returned by lookups when no member contains the address. */
    public static final int NO_MATCH = -1;

    private final int[][] v4Networks;
    private final int[][] v4Payloads;
    private final int[] v4Lengths;
    private final long[][] v6Networks;
    private final int[][] v6Payloads;
    private final int[] v6Lengths;
    private final int v4Size;
    private final int v6Size;

    private IpSet(
            int[][] v4Networks, int[][] v4Payloads, long[][] v6Networks, int[][] v6Payloads, int v4Size, int v6Size) {
        this.v4Networks = v4Networks;
        this.v4Payloads = v4Payloads;
        this.v6Networks = v6Networks;
        this.v6Payloads = v6Payloads;
        this.v4Lengths = lengthsInUse(v4Payloads);
        this.v6Lengths = lengthsInUse(v6Payloads);
        this.v4Size = v4Size;
        this.v6Size = v6Size;
    }

    private static int[] lengthsInUse(int[][] payloads) {
        return IntStream.iterate(payloads.length - 1, i -> i >= 0, i -> i - 1)
                .filter(i -> payloads[i].length > 0)
                .toArray();
    }

    /** Number of distinct IPv4 entries (addresses and networks). */
    public int ipv4Size() {
        return v4Size;
    }

    /** Number of distinct IPv6 entries (addresses and networks). */
    public int ipv6Size() {
        return v6Size;
    }

    /** Bytes held by the IPv4 arrays (networks and payloads, with array headers). */
    public long ipv4MemoryBytes() {
        long total = 0;
        for (int len : v4Lengths) {
            total += 16 + 4L * v4Networks[len].length + 16 + 4L * v4Payloads[len].length;
        }
        return total;
    }

    /** Payload of the longest member containing {@code address} (IPv4 or IPv6 text), or {@link #NO_MATCH}. */
    public int longestPrefix(String address) {
        int v4 = parseIpv4(address, 0, address.length());
        if (v4 != -1 || "255.255.255.255".equals(address)) {
            return longestPrefixV4(v4);
        }
        long[] v6 = parseIpv6(address);
        if (v6 == null) {
            return NO_MATCH;
        }
        if (v6[0] == 0 && (v6[1] >>> 32) == 0xFFFFL) {
            return longestPrefixV4((int) v6[1]);
        }
        return longestPrefixV6(v6[0], v6[1]);
    }

    /** Payload of the longest IPv4 member containing {@code address}, or {@link #NO_MATCH}. */
    public int longestPrefixV4(int address) {
        for (int len : v4Lengths) {
            int net = address & maskV4(len);
            int i = Arrays.binarySearch(v4Networks[len], net);
            if (i >= 0) {
                return v4Payloads[len][i];
            }
        }
        return NO_MATCH;
    }

    private int longestPrefixV6(long hi, long lo) {
        for (int len : v6Lengths) {
            long h = hi & maskHi(len);
            long l = lo & maskLo(len);
            long[] nets = v6Networks[len];
            int a = 0;
            int b = nets.length / 2 - 1;
            while (a <= b) {
                int mid = (a + b) >>> 1;
                int c = compare(nets[2 * mid], nets[2 * mid + 1], h, l);
                if (c == 0) {
                    return v6Payloads[len][mid];
                } else if (c < 0) {
                    a = mid + 1;
                } else {
                    b = mid - 1;
                }
            }
        }
        return NO_MATCH;
    }

    private static int compare(long h1, long l1, long h2, long l2) {
        int c = Long.compare(h1, h2);
        return c != 0 ? c : Long.compare(l1, l2);
    }

    static int maskV4(int len) {
        return len == 0 ? 0 : -1 << (32 - len);
    }

    private static long maskHi(int len) {
        return len == 0 ? 0 : len >= 64 ? -1L : -1L << (64 - len);
    }

    private static long maskLo(int len) {
        return len <= 64 ? 0 : len == 128 ? -1L : -1L << (128 - len);
    }

    /**
     * Parses dotted-quad IPv4 text in {@code s[from, to)}; returns the address as an int, or -1 when it is not
     * an address (so 255.255.255.255 must be checked by the caller).
     */
    static int parseIpv4(CharSequence s, int from, int to) {
        int addr = 0;
        int parts = 0;
        int i = from;
        while (parts < 4) {
            int v = 0;
            int digits = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && digits < 4) {
                v = v * 10 + (s.charAt(i) - '0');
                i++;
                digits++;
            }
            if (digits == 0 || digits > 3 || v > 255) {
                return -1;
            }
            addr = (addr << 8) | v;
            parts++;
            if (parts < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == to ? addr : -1;
    }

    /** Parses IPv6 text (brackets and a zone id allowed) into {high, low} 64-bit halves, or null. */
    static long @Nullable [] parseIpv6(String s) {
        String t = s;
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        if (t.indexOf(':') < 0 || t.length() > 45) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok =
                    (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!ok) {
                return null;
            }
        }
        try {
            // a literal of only hex digits, colons and dots: InetAddress parses it without any DNS lookup
            byte[] b = InetAddress.getByName(t).getAddress();
            if (b.length == 4) {
                return new long[] {0, 0xFFFF00000000L | (((long) bytesToInt(b, 0)) & 0xFFFFFFFFL)};
            }
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = (hi << 8) | (b[i] & 0xFF);
                lo = (lo << 8) | (b[i + 8] & 0xFF);
            }
            return new long[] {hi, lo};
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static int bytesToInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects addresses and networks; {@link #build()} sorts them. Not thread-safe. */
    public static final class Builder {
        private final long[][] v4 = new long[33][];
        private final int[] v4Count = new int[33];
        private final List<List<V6Entry>> v6 = new ArrayList<>();
        private int seq;

        private record V6Entry(long hi, long lo, int seq, int payload) {}

        Builder() {
            for (int i = 0; i <= 128; i++) {
                v6.add(new ArrayList<>());
            }
        }

        /**
         * Adds an address or CIDR network ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) with {@code payload};
         * returns false when the text is neither.
         */
        public boolean add(String addressOrCidr, int payload) {
            String s = addressOrCidr.strip();
            int slash = s.indexOf('/');
            String addr = slash < 0 ? s : s.substring(0, slash);
            int len = -1;
            if (slash >= 0) {
                try {
                    len = Integer.parseInt(s.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            int v4 = parseIpv4(addr, 0, addr.length());
            if (v4 != -1 || "255.255.255.255".equals(addr)) {
                if (len == -1) {
                    len = 32;
                }
                if (len < 0 || len > 32) {
                    return false;
                }
                addV4(v4 & maskV4(len), len, payload);
                return true;
            }
            long[] v6addr = parseIpv6(addr);
            if (v6addr == null) {
                return false;
            }
            if (len == -1) {
                len = 128;
            }
            if (len < 0 || len > 128) {
                return false;
            }
            v6.get(len).add(new V6Entry(v6addr[0] & maskHi(len), v6addr[1] & maskLo(len), seq++, payload));
            return true;
        }

        /** Adds the IPv4 network {@code network/len} (host bits are cleared) with {@code payload}. */
        public void addV4(int network, int len, int payload) {
            long[] a = v4[len];
            int n = v4Count[len];
            if (a == null) {
                a = v4[len] = new long[16];
            } else if (n == a.length) {
                a = v4[len] = Arrays.copyOf(a, n + (n >> 1));
            }
            // network in the high half keeps equal networks adjacent after sorting, first payload first
            a[n] = ((long) (network & maskV4(len)) << 32) | (payload & 0xFFFFFFFFL);
            v4Count[len] = n + 1;
        }

        public IpSet build() {
            int[][] nets = new int[33][];
            int[][] pays = new int[33][];
            int v4Size = 0;
            for (int len = 0; len <= 32; len++) {
                int n = v4Count[len];
                long[] a = v4[len];
                if (a == null || n == 0) {
                    nets[len] = new int[0];
                    pays[len] = new int[0];
                    continue;
                }
                Arrays.sort(a, 0, n);
                int[] ns = new int[n];
                int[] ps = new int[n];
                int m = 0;
                for (int i = 0; i < n; i++) {
                    int net = (int) (a[i] >>> 32);
                    if (m > 0 && ns[m - 1] == net) {
                        // sorted by payload within a network; keep the smallest (the caller's first)
                        continue;
                    }
                    ns[m] = net;
                    ps[m] = (int) a[i];
                    m++;
                }
                nets[len] = m == n ? ns : Arrays.copyOf(ns, m);
                pays[len] = m == n ? ps : Arrays.copyOf(ps, m);
                v4Size += m;
                v4[len] = null;
            }
            long[][] nets6 = new long[129][];
            int[][] pays6 = new int[129][];
            int v6Size = 0;
            for (int len = 0; len <= 128; len++) {
                List<V6Entry> list = v6.get(len);
                list.sort(Comparator.comparingLong(V6Entry::hi)
                        .thenComparingLong(V6Entry::lo)
                        .thenComparingInt(V6Entry::seq));
                long[] ns = new long[2 * list.size()];
                int[] ps = new int[list.size()];
                int m = 0;
                for (V6Entry e : list) {
                    if (m > 0 && ns[2 * m - 2] == e.hi() && ns[2 * m - 1] == e.lo()) {
                        continue;
                    }
                    ns[2 * m] = e.hi();
                    ns[2 * m + 1] = e.lo();
                    ps[m] = e.payload();
                    m++;
                }
                nets6[len] = Arrays.copyOf(ns, 2 * m);
                pays6[len] = Arrays.copyOf(ps, m);
                v6Size += m;
            }
            return new IpSet(nets, pays, nets6, pays6, v4Size, v6Size);
        }
    }
}
