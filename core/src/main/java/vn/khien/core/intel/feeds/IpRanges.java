package vn.khien.core.intel.feeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of IPv4 and IPv6 ranges answering "is this address or network inside one of them" in
 * O(log n): ranges are sorted by start and merged where they overlap, then searched by binary search.
 */
final class IpRanges {
    private final byte[][] starts4;
    private final byte[][] ends4;
    private final byte[][] starts6;
    private final byte[][] ends6;

    private IpRanges(List<byte[][]> v4, List<byte[][]> v6) {
        byte[][][] m4 = merge(v4);
        byte[][][] m6 = merge(v6);
        starts4 = m4[0];
        ends4 = m4[1];
        starts6 = m6[0];
        ends6 = m6[1];
    }

    /** Builds the set from CIDR or single-address strings; throws naming the first invalid entry. */
    static IpRanges of(List<String> entries) {
        List<byte[][]> v4 = new ArrayList<>();
        List<byte[][]> v6 = new ArrayList<>();
        for (String e : entries) {
            byte[][] r = range(e);
            if (r == null) {
                throw new IllegalArgumentException("'" + IndicatorValues.shown(e) + "' is not an IP address or CIDR");
            }
            (r[0].length == 4 ? v4 : v6).add(r);
        }
        return new IpRanges(v4, v6);
    }

    /** The first and last address of an address or CIDR, or {@code null} when it is neither. */
    static byte @Nullable [][] range(String text) {
        String v = text.trim();
        int slash = v.indexOf('/');
        String addr = slash >= 0 ? v.substring(0, slash) : v;
        byte[] a = IndicatorValues.ipv4(addr);
        if (a == null) {
            a = IndicatorValues.ipv6(addr);
        }
        if (a == null) {
            return null;
        }
        int bits = a.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(v.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > bits) {
                return null;
            }
        }
        byte[] lo = a.clone();
        byte[] hi = a.clone();
        for (int i = 0; i < a.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            int mask = (0xff00 >> keep) & 0xff;
            lo[i] = (byte) (a[i] & mask);
            hi[i] = (byte) (a[i] | ~mask);
        }
        return new byte[][] {lo, hi};
    }

    /** Whether the whole address or network {@code text} lies inside one range. */
    boolean contains(String text) {
        byte[][] r = range(text);
        if (r == null) {
            return false;
        }
        boolean v4 = r[0].length == 4;
        byte[][] starts = v4 ? starts4 : starts6;
        byte[][] ends = v4 ? ends4 : ends6;
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Arrays.compareUnsigned(starts[mid], r[0]) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && Arrays.compareUnsigned(ends[found], r[1]) >= 0;
    }

    int size() {
        return starts4.length + starts6.length;
    }

    private static byte[][][] merge(List<byte[][]> ranges) {
        List<byte[][]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing((byte[][] r) -> r[0], Arrays::compareUnsigned));
        List<byte[]> starts = new ArrayList<>();
        List<byte[]> ends = new ArrayList<>();
        for (byte[][] r : sorted) {
            int last = ends.size() - 1;
            if (last >= 0 && Arrays.compareUnsigned(r[0], ends.get(last)) <= 0) {
                if (Arrays.compareUnsigned(r[1], ends.get(last)) > 0) {
                    ends.set(last, r[1]);
                }
            } else {
                starts.add(r[0]);
                ends.add(r[1]);
            }
        }
        return new byte[][][] {starts.toArray(new byte[0][]), ends.toArray(new byte[0][])};
    }
}
