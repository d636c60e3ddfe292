package vn.khien.core.accounts.breached;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Layout of a store file, version 1: a 64-byte header, the hashes sorted as unsigned big-endian byte strings
 * with no duplicates, then the prefix index.
 *
 * <pre>
 * offset size field
 *  0      8   magic "KHIENHS1"
 *  8      2   version (1)
 *  10     1   hash kind code (1 = SHA-1, 2 = NTLM)
 *  11     1   index bits b: the index has 2^b + 1 entries
 *  12     4   reserved (0)
 *  16     8   count of hashes n (at most 2^32 - 1)
 *  24     4   CRC32C of the hash data
 *  28     4   CRC32C of the index
 *  32     28  reserved (0)
 *  60     4   CRC32C of bytes 0..59
 *  64     n * hash length   hashes
 *  ...    (2^b + 1) * 4     index: entry i is the (unsigned 32-bit) position of the first hash whose
 *                           leading b bits are >= i; entry 2^b is n
 * </pre>
 * All numbers are big-endian.
 */
final class StoreFormat {
    static final byte[] MAGIC = "KHIENHS1".getBytes(StandardCharsets.US_ASCII);
    static final short VERSION = 1;
    static final int HEADER = 64;
    static final int MIN_BITS = 8;
    static final int MAX_BITS = 24;
    static final long MAX_COUNT = 0xFFFF_FFFFL;

    private StoreFormat() {}

    static ByteBuffer header(byte kindCode, int bits, long count, int dataCrc, int indexCrc) {
        ByteBuffer h = ByteBuffer.allocate(HEADER);
        h.put(MAGIC).putShort(VERSION).put(kindCode).put((byte) bits).putInt(0);
        h.putLong(count).putInt(dataCrc).putInt(indexCrc);
        CRC32C crc = new CRC32C();
        crc.update(h.array(), 0, 60);
        h.putInt(60, (int) crc.getValue());
        h.position(0);
        return h;
    }

    /** Index bits for about {@code count} hashes: a handful of hashes per bucket, index at most 64 MiB. */
    static int bitsFor(long count) {
        long buckets = Math.max(1, count / 4);
        int bits = 64 - Long.numberOfLeadingZeros(buckets - 1);
        return Math.max(MIN_BITS, Math.min(MAX_BITS, bits));
    }

    static long indexBytes(int bits) {
        return ((1L << bits) + 1) * 4;
    }
}
