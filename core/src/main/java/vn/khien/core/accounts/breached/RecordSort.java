package vn.khien.core.accounts.breached;

/**
 * In-place quicksort of hashes held as three parallel arrays (leading 64 bits, next 64 bits, last 32 bits),
 * ordered as unsigned big-endian byte strings. Hashes are uniformly distributed, so a median-of-three pivot
 * keeps the recursion shallow; the smaller side recurses, the larger loops, bounding the stack.
 */
final class RecordSort {
    private RecordSort() {}

    static void sort(long[] a, long[] b, int[] c, int lo, int hi) {
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            if (cmp(a, b, c, mid, lo) < 0) {
                swap(a, b, c, mid, lo);
            }
            if (cmp(a, b, c, hi, lo) < 0) {
                swap(a, b, c, hi, lo);
            }
            if (cmp(a, b, c, hi, mid) < 0) {
                swap(a, b, c, hi, mid);
            }
            long p0 = a[mid];
            long p1 = b[mid];
            int p2 = c[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (BreachedStoreBuilder.compare(a[i], b[i], c[i], p0, p1, p2) < 0) {
                    i++;
                }
                while (BreachedStoreBuilder.compare(a[j], b[j], c[j], p0, p1, p2) > 0) {
                    j--;
                }
                if (i <= j) {
                    swap(a, b, c, i, j);
                    i++;
                    j--;
                }
            }
            if (j - lo < hi - i) {
                sort(a, b, c, lo, j);
                lo = i;
            } else {
                sort(a, b, c, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int k = i; k > lo && cmp(a, b, c, k, k - 1) < 0; k--) {
                swap(a, b, c, k, k - 1);
            }
        }
    }

    private static int cmp(long[] a, long[] b, int[] c, int x, int y) {
        return BreachedStoreBuilder.compare(a[x], b[x], c[x], a[y], b[y], c[y]);
    }

    private static void swap(long[] a, long[] b, int[] c, int x, int y) {
        long t = a[x];
        a[x] = a[y];
        a[y] = t;
        t = b[x];
        b[x] = b[y];
        b[y] = t;
        int u = c[x];
        c[x] = c[y];
        c[y] = u;
    }
}
