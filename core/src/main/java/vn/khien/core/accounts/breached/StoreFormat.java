package vn.khien.core.accounts.breached;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Layout of a store file, version 2: a 64-byte header, the hashes sorted as unsigned big-endian byte strings
 * with no duplicates, then the prefix index, whose entries also carry a 32-bit Bloom filter of their bucket.
 * Version 1 files (index entries of the position only) are still read.
 *
 * <pre>
 * offset size field
 *  0      8   magic "KHIENHS1"
 *  8      2   version (2)
 *  10     1   hash kind code (1 = SHA-1, 2 = NTLM)
 *  11     1   index bits b: the index has 2^b + 1 entries
 *  12     4   reserved (0)
 *  16     8   count of hashes n (at most 2^32 - 1)
 *  24     4   CRC32C of the hash data
 *  28     4   CRC32C of the index
 *  32     28  reserved (0)
 *  60     4   CRC32C of bytes 0..59
 *  64     n * hash length   hashes
 *  ...    (2^b + 1) * 8     index: entry i is the (unsigned 32-bit) position of the first hash whose
 *                           leading b bits are >= i, then the bucket filter of bucket i: the OR of
 *                           {@link #bucketBits} of its hashes; entry 2^b is n and 0
 *                           (version 1: entries of 4 bytes, the position only)
 * </pre>
 * All numbers are big-endian.
 */
final class StoreFormat {
    static final byte[] MAGIC = "KHIENHS1".getBytes(StandardCharsets.US_ASCII);
    static final short VERSION = 2;
    /** The version without bucket filters, still read. */
    static final short VERSION_1 = 1;

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

    /** Bytes of one index entry in a file of {@code version}. */
    static int indexEntryBytes(short version) {
        return version == VERSION_1 ? 4 : 8;
    }

    static long indexBytes(int bits, short version) {
        return ((1L << bits) + 1) * indexEntryBytes(version);
    }

    /**
     * The three bits (of 32) a hash whose second word is {@code w1} sets in its bucket's filter; the bucket is
     * chosen by the first word, so these bits are independent of it. With the handful of hashes a bucket holds,
     * 2.5 % of absent hashes pass (measured with about three hashes a bucket, 50 M in 2^24 buckets).
     */
    static int bucketBits(long w1) {
        return (1 << (w1 & 31)) | (1 << ((w1 >>> 5) & 31)) | (1 << ((w1 >>> 10) & 31));
    }
}
