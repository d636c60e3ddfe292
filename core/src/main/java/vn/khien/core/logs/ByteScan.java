package vn.khien.core.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds bytes in byte arrays eight at a time (SWAR: one 64-bit load, then bit tricks that flag the bytes
 * equal to the one sought), for parsers that scan raw log buffers without decoding them.
 */
public final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteScan() {}

    /** Index of the first {@code value} in {@code b[from, to)}, or {@code to} when there is none. */
    public static int indexOf(byte[] b, int from, int to, byte value) {
        long pattern = (value & 0xFFL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                // the lowest flag is exact (borrows only propagate upwards)
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return to;
    }

    /**
     * Index of the first byte in {@code b[from, to)} equal to {@code first} or {@code second}, or {@code to}
     * when there is none.
     */
    public static int indexOfEither(byte[] b, int from, int to, byte first, byte second) {
        long p1 = (first & 0xFFL) * ONES;
        long p2 = (second & 0xFFL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(b, i);
            long x = w ^ p1;
            long y = w ^ p2;
            long found = ((x - ONES) & ~x & HIGHS) | ((y - ONES) & ~y & HIGHS);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == first || b[i] == second) {
                return i;
            }
        }
        return to;
    }
}
