package vn.khien.core.accounts.breached;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import vn.khien.core.accounts.HashKind;

/**
 * A read-only, memory-mapped set of breached password hashes of one {@link HashKind}, answering whether a
 * hash is in it; built by {@link BreachedStoreBuilder}.
 *
 * <p>Implementation notes: the leading {@code b} bits of a hash select an index bucket (a handful of hashes
 * for a full store). The bucket's index entry carries a 32-bit Bloom filter of its hashes, so 97.5 % of
 * absent hashes (measured on a 50 M-hash store), the common case in an audit, are answered from the index
 * alone, without touching the pages of the hashes: in a fresh process the kernel then maps far fewer pages,
 * which measured as most of a first audit's store time. Otherwise a binary search compares hashes as
 * unsigned 64-bit words read straight from the mapping, so a lookup touches two or three cache lines and
 * allocates nothing. Files over 2 GiB are mapped as several segments of 2^26 hashes. Opening checks magic,
 * version, header checksum, exact file size and the index (checksum, monotonic, ends at the count);
 * {@link #verify()} also checksums the hashes and checks each passes its bucket's filter.
 * {@link #containsEach} looks hashes up a block at a time: it reads the index entries of the whole block, then
 * the first probe of each search, then finishes the searches, so the cache misses of different hashes overlap
 * instead of each lookup waiting for its own two (3.8–5.0 M/s against 3.3–4.1 M/s one by one on a 50 M-hash
 * store, half of the queries present, docs/performance/accounts.md). Lookups are thread-safe (absolute reads
 * only); {@link #close()} must not race with lookups.
 */
public final class BreachedHashStore implements AutoCloseable {
    private static final int SEGMENT_SHIFT = 26;
    private static final long SEGMENT_MASK = (1L << SEGMENT_SHIFT) - 1;
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    /** Hashes looked up together by {@link #containsEach}. */
    private static final int BLOCK = 32;

    private final Path file;
    private final FileChannel channel;
    private final HashKind kind;
    private final int hashLength;
    private final long count;
    private final int bits;
    private final int dataCrc;
    private final ByteBuffer index;
    /** Bytes of an index entry: 8 (position and bucket filter), or 4 in a version 1 file. */
    private final int entry;

    private final MappedByteBuffer[] segments;

    private BreachedHashStore(
            Path file,
            FileChannel channel,
            HashKind kind,
            long count,
            int bits,
            int dataCrc,
            ByteBuffer index,
            int entry,
            MappedByteBuffer[] segments) {
        this.file = file;
        this.channel = channel;
        this.kind = kind;
        this.hashLength = kind.length();
        this.count = count;
        this.bits = bits;
        this.dataCrc = dataCrc;
        this.index = index;
        this.entry = entry;
        this.segments = segments;
    }

    /**
     * Opens and checks a store file.
     *
     * @throws CorruptStoreException when the file is not a store, has another version, or is truncated or
     *     damaged; the message names the file and what is wrong
     */
    public static BreachedHashStore open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return open(file, ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static BreachedHashStore open(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < StoreFormat.HEADER) {
            throw new CorruptStoreException(file + ": not a Khiên hash store (" + size + " bytes, header is 64)");
        }
        ByteBuffer h = ByteBuffer.allocate(StoreFormat.HEADER);
        while (h.hasRemaining() && ch.read(h, h.position()) > 0) {
            // read the header fully
        }
        byte[] magic = Arrays.copyOf(h.array(), StoreFormat.MAGIC.length);
        if (!Arrays.equals(magic, StoreFormat.MAGIC)) {
            throw new CorruptStoreException(file + ": not a Khiên hash store (bad magic)");
        }
        short version = h.getShort(8);
        if (version != StoreFormat.VERSION && version != StoreFormat.VERSION_1) {
            throw new CorruptStoreException(
                    file + ": store version " + version + " is not supported (expected 1 or 2)");
        }
        int entry = StoreFormat.indexEntryBytes(version);
        CRC32C crc = new CRC32C();
        crc.update(h.array(), 0, 60);
        if ((int) crc.getValue() != h.getInt(60)) {
            throw new CorruptStoreException(file + ": header checksum mismatch, the store is damaged");
        }
        HashKind kind;
        try {
            kind = HashKind.ofCode(h.get(10));
        } catch (IllegalArgumentException e) {
            throw new CorruptStoreException(file + ": " + e.getMessage());
        }
        int bits = h.get(11);
        long count = h.getLong(16);
        if (bits < StoreFormat.MIN_BITS || bits > StoreFormat.MAX_BITS || count < 0 || count > StoreFormat.MAX_COUNT) {
            throw new CorruptStoreException(file + ": header values out of range, the store is damaged");
        }
        long dataBytes = count * kind.length();
        long expected = StoreFormat.HEADER + dataBytes + StoreFormat.indexBytes(bits, version);
        if (size != expected) {
            throw new CorruptStoreException(
                    file + ": truncated or damaged: expected " + expected + " bytes, found " + size);
        }
        ByteBuffer index = ch.map(
                FileChannel.MapMode.READ_ONLY, StoreFormat.HEADER + dataBytes, StoreFormat.indexBytes(bits, version));
        CRC32C indexCrc = new CRC32C();
        indexCrc.update(index.duplicate());
        if ((int) indexCrc.getValue() != h.getInt(28)) {
            throw new CorruptStoreException(file + ": index checksum mismatch, the store is damaged");
        }
        int entries = (1 << bits) + 1;
        long previous = 0;
        for (int i = 0; i < entries; i++) {
            long v = index.getInt(entry * i) & 0xFFFF_FFFFL;
            if (v < previous || v > count) {
                throw new CorruptStoreException(file + ": index entry " + i + " out of order, the store is damaged");
            }
            previous = v;
        }
        if (previous != count) {
            throw new CorruptStoreException(file + ": index does not end at the hash count, the store is damaged");
        }
        long perSegment = 1L << SEGMENT_SHIFT;
        int n = (int) ((count + perSegment - 1) / perSegment);
        MappedByteBuffer[] segments = new MappedByteBuffer[n];
        for (int s = 0; s < n; s++) {
            long first = s * perSegment;
            long records = Math.min(perSegment, count - first);
            segments[s] = ch.map(
                    FileChannel.MapMode.READ_ONLY, StoreFormat.HEADER + first * kind.length(), records * kind.length());
        }
        return new BreachedHashStore(file, ch, kind, count, bits, h.getInt(24), index, entry, segments);
    }

    /** The kind of hashes held. */
    public HashKind kind() {
        return kind;
    }

    /** Number of distinct hashes held. */
    public long count() {
        return count;
    }

    /** The store file. */
    public Path file() {
        return file;
    }

    /** Whether {@code hash} (raw bytes, {@link HashKind#length()} long) is in the store. */
    public boolean contains(byte[] hash) {
        checkLength(hash);
        long q0 = word(hash, 0);
        long q1 = word(hash, 8);
        int e = entryOf(q0);
        if (!passes(e, q1)) {
            return false;
        }
        long lo = index.getInt(e) & 0xFFFF_FFFFL;
        long hi = (index.getInt(e + entry) & 0xFFFF_FFFFL) - 1;
        return search(lo, hi, q0, q1, tail(hash));
    }

    /** Offset in the index of the entry of the bucket of a hash whose first word is {@code q0}. */
    private int entryOf(long q0) {
        return entry * (int) (q0 >>> (64 - bits));
    }

    /**
     * Whether the filter of the bucket whose index entry is at {@code e} lets a hash with second word
     * {@code q1} through (always in a version 1 file).
     */
    private boolean passes(int e, long q1) {
        if (entry == 4) {
            return true;
        }
        int need = StoreFormat.bucketBits(q1);
        return (index.getInt(e + 4) & need) == need;
    }

    /** How many of {@code hashes} the bucket filters let through; for tests. */
    int filterPasses(byte[][] hashes) {
        int n = 0;
        for (byte[] h : hashes) {
            checkLength(h);
            n += passes(entryOf(word(h, 0)), word(h, 8)) ? 1 : 0;
        }
        return n;
    }

    /**
     * Looks up every hash of {@code hashes} and sets {@code found[i]} to whether {@code hashes[i]} is in the
     * store; the same answers as {@link #contains} one by one, faster for many hashes.
     *
     * @return how many were found
     * @throws IllegalArgumentException when a hash has the wrong length or {@code found} is shorter than
     *     {@code hashes}; nothing is looked up then
     */
    public int containsEach(byte[][] hashes, boolean[] found) {
        if (found.length < hashes.length) {
            throw new IllegalArgumentException("found has " + found.length + " slots for " + hashes.length + " hashes");
        }
        for (byte[] h : hashes) {
            checkLength(h);
        }
        long[] q0 = new long[BLOCK];
        long[] q1 = new long[BLOCK];
        int[] q2 = new int[BLOCK];
        long[] lo = new long[BLOCK];
        long[] hi = new long[BLOCK];
        int total = 0;
        for (int start = 0; start < hashes.length; start += BLOCK) {
            int n = Math.min(BLOCK, hashes.length - start);
            for (int j = 0; j < n; j++) {
                byte[] h = hashes[start + j];
                q0[j] = word(h, 0);
                q1[j] = word(h, 8);
                q2[j] = tail(h);
                int e = entryOf(q0[j]);
                lo[j] = index.getInt(e) & 0xFFFF_FFFFL;
                long end = (index.getInt(e + entry) & 0xFFFF_FFFFL) - 1;
                hi[j] = passes(e, q1[j]) ? end : lo[j] - 1; // an empty range when the bucket filter answers
            }
            for (int j = 0; j < n; j++) {
                // The first probe of every search in the block before any second one, so the misses overlap;
                // a hit narrows its range to the one hash, which the search below then confirms from the cache.
                if (lo[j] <= hi[j]) {
                    long mid = (lo[j] + hi[j]) >>> 1;
                    int c = compareAt(mid, q0[j], q1[j], q2[j]);
                    if (c < 0) {
                        lo[j] = mid + 1;
                    } else if (c > 0) {
                        hi[j] = mid - 1;
                    } else {
                        lo[j] = mid;
                        hi[j] = mid;
                    }
                }
            }
            for (int j = 0; j < n; j++) {
                boolean f = search(lo[j], hi[j], q0[j], q1[j], q2[j]);
                found[start + j] = f;
                total += f ? 1 : 0;
            }
        }
        return total;
    }

    private void checkLength(byte[] hash) {
        if (hash.length != hashLength) {
            throw new IllegalArgumentException("a " + kind + " hash has " + hashLength + " bytes, got " + hash.length);
        }
    }

    private int tail(byte[] hash) {
        return hashLength == 20 ? (int) BIG_ENDIAN_INT.get(hash, 16) : 0;
    }

    /** Binary search of the stored hashes {@code lo..hi} (inclusive) for the query words. */
    private boolean search(long lo, long hi, long q0, long q1, int q2) {
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            int c = compareAt(mid, q0, q1, q2);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Compares the stored hash at {@code position} with the query. */
    private int compareAt(long position, long q0, long q1, int q2) {
        MappedByteBuffer seg = segments[(int) (position >>> SEGMENT_SHIFT)];
        int off = (int) (position & SEGMENT_MASK) * hashLength;
        int c = Long.compareUnsigned(seg.getLong(off), q0);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(seg.getLong(off + 8), q1);
        if (c != 0 || hashLength == 16) {
            return c;
        }
        return Integer.compareUnsigned(seg.getInt(off + 16), q2);
    }

    private static long word(byte[] b, int off) {
        return (long) BIG_ENDIAN_LONG.get(b, off);
    }

    /**
     * Reads every hash and checks the data checksum, the sort order and that its bucket's filter lets it through.
     *
     * @throws CorruptStoreException when the hashes do not match the header's checksum, are out of order or
     *     are missed by their bucket's filter
     */
    public void verify() throws CorruptStoreException {
        CRC32C crc = new CRC32C();
        for (MappedByteBuffer seg : segments) {
            crc.update(seg.duplicate().position(0));
        }
        if ((int) crc.getValue() != dataCrc) {
            throw new CorruptStoreException(file + ": hash data checksum mismatch, the store is damaged");
        }
        for (long i = 0; i < count; i++) {
            MappedByteBuffer seg = segments[(int) (i >>> SEGMENT_SHIFT)];
            int off = (int) (i & SEGMENT_MASK) * hashLength;
            long q0 = seg.getLong(off);
            long q1 = seg.getLong(off + 8);
            int q2 = hashLength == 20 ? seg.getInt(off + 16) : 0;
            if (i > 0 && compareAt(i - 1, q0, q1, q2) >= 0) {
                throw new CorruptStoreException(file + ": hashes out of order at position " + i);
            }
            if (!passes(entryOf(q0), q1)) {
                throw new CorruptStoreException(file + ": the bucket filter misses the hash at position " + i);
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "BreachedHashStore[" + kind + ", " + count + " hashes, " + file + "]";
    }

    /** Opens {@code dir/ntlm.khs} or {@code dir/sha1.khs}; the file name a kind's store has in a folder. */
    public static Path fileIn(Path dir, HashKind kind) {
        return dir.resolve(kind.fileStem() + ".khs");
    }

    /** Whether {@code dir} holds a store of {@code kind}. */
    public static boolean existsIn(Path dir, HashKind kind) {
        return Files.isRegularFile(fileIn(dir, kind));
    }
}
