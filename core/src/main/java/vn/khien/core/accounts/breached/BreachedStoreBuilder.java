package vn.khien.core.accounts.breached;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;
import vn.khien.core.accounts.HashKind;
import vn.khien.core.ingest.ImportReport;

/**
 * Imports Pwned Passwords text ({@code HASH:COUNT} lines, SHA-1 or NTLM, one file or a folder of the 16^5
 * per-prefix range files whose lines hold only the hash suffix) into a {@link BreachedHashStore} file.
 *
 * <p>Implementation notes: lines are parsed by hand from 16 MiB blocks (hex via a lookup table, CRLF and
 * lower case accepted, {@code :COUNT} optional, count-0 padding lines skipped). The downloads are sorted, so
 * the builder streams hashes straight into the store file while checking the order; at the first hash out
 * of order it keeps what was written as a first sorted run and falls back to an external sort: chunks of
 * {@code chunkSize} hashes are sorted in memory and written as runs, then all runs are merged, dropping
 * duplicates. Memory: the block, the bucket counters (at most 64 MiB) and, in the fallback, one chunk.
 * Bad lines are rejected with their file and line number and never stop the import. Not thread-safe.
 */
public final class BreachedStoreBuilder {
    private static final Pattern RANGE_NAME = Pattern.compile("(?:.*[^0-9A-Fa-f])?([0-9A-Fa-f]{5})(?:\\.[A-Za-z]+)?");
    private static final byte[] HEX = new byte[256];
    private static final int BLOCK = 16 * 1024 * 1024;

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int i = 0; i < 10; i++) {
            HEX['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            HEX['a' + i] = (byte) (10 + i);
            HEX['A' + i] = (byte) (10 + i);
        }
    }

    /**
     * Outcome of a build.
     *
     * @param kind the hash kind found in the input
     * @param store the store file written
     * @param count distinct hashes stored
     * @param bytesRead input bytes read
     * @param inputSorted whether the input was already sorted (no external sort needed)
     * @param report lines read, hashes accepted, lines rejected (with file and line), duplicate hashes
     */
    public record Result(
            HashKind kind, Path store, long count, long bytesRead, boolean inputSorted, ImportReport report) {}

    private final int chunkSize;

    /** A builder sorting unsorted input in chunks of 4 Mi hashes. */
    public BreachedStoreBuilder() {
        this(4 * 1024 * 1024);
    }

    /** A builder sorting unsorted input in chunks of {@code chunkSize} hashes (memory: 20 bytes each). */
    public BreachedStoreBuilder(int chunkSize) {
        if (chunkSize < 2) {
            throw new IllegalArgumentException("chunkSize must be >= 2, was " + chunkSize);
        }
        this.chunkSize = chunkSize;
    }

    /**
     * Builds {@code outDir/<kind>.khs} from {@code inputs} (files, or folders whose files are read in name
     * order), replacing an existing store of that kind only once the new one is complete.
     *
     * @param progress receives the number of input bytes read so far after each block
     * @throws IllegalArgumentException when no input line holds a SHA-1 or NTLM hash
     */
    public Result build(List<Path> inputs, Path outDir, LongConsumer progress) throws IOException {
        List<Path> files = expand(inputs);
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        Files.createDirectories(outDir);
        try (Run run = new Run(outDir, total, progress)) {
            for (Path f : files) {
                run.readFile(f);
            }
            return run.finish();
        }
    }

    private static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> list = Files.list(in)) {
                    list.filter(Files::isRegularFile)
                            .sorted(Comparator.comparing(
                                    (Path p) -> p.getFileName().toString().toUpperCase(java.util.Locale.ROOT)))
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(in)) {
                files.add(in);
            } else {
                throw new NoSuchFileException(in.toString(), null, "no such file or folder");
            }
        }
        return files;
    }

    /** The 20-bit prefix a range file's name carries ({@code 0A1B2.txt}, {@code range-0A1B2.txt}), or -1. */
    static int rangePrefix(Path file) {
        Matcher m = RANGE_NAME.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1), 16) : -1;
    }

    private final class Run implements AutoCloseable {
        private final Path outDir;
        private final long totalBytes;
        private final LongConsumer progress;
        private final ImportReport.Builder report = ImportReport.builder();
        private final byte[] buf = new byte[BLOCK];
        private final List<Path> runFiles = new ArrayList<>();
        private final List<Long> runCounts = new ArrayList<>();
        private @Nullable HashKind kind;
        private int bits;
        private int[] counts = new int[0];
        /** Per bucket, the OR of {@link StoreFormat#bucketBits} of its hashes. */
        private int[] filters = new int[0];

        private Path tmp;
        private FileChannel out;
        private final ByteBuffer outBuf = ByteBuffer.allocate(4 * 1024 * 1024);
        private final CRC32C crc = new CRC32C();
        private long written;
        private long bytesRead;
        private boolean sorted = true;
        private boolean any;
        private long last0;
        private long last1;
        private int last2;
        private long @Nullable [] c0;
        private long @Nullable [] c1;
        private int @Nullable [] c2;
        private int cn;
        private long duplicates;

        Run(Path outDir, long totalBytes, LongConsumer progress) throws IOException {
            this.outDir = outDir;
            this.totalBytes = totalBytes;
            this.progress = progress;
            this.tmp = Files.createTempFile(outDir, "store-", ".tmp");
            this.out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.READ);
            out.position(StoreFormat.HEADER);
        }

        void readFile(Path file) throws IOException {
            int prefix = rangePrefix(file);
            try (InputStream in = Files.newInputStream(file)) {
                int len = 0;
                long lineNo = 0;
                boolean skipping = false;
                boolean eof = false;
                while (!eof) {
                    while (len < buf.length) {
                        int n = in.read(buf, len, buf.length - len);
                        if (n < 0) {
                            eof = true;
                            break;
                        }
                        len += n;
                        bytesRead += n;
                    }
                    int p = 0;
                    while (p < len) {
                        int nl = p;
                        while (nl < len && buf[nl] != '\n') {
                            nl++;
                        }
                        if (nl == len && !eof) {
                            break;
                        }
                        lineNo++;
                        if (skipping) {
                            skipping = false;
                        } else {
                            parseLine(file, lineNo, prefix, p, nl);
                        }
                        p = nl + 1;
                    }
                    int rest = Math.max(0, len - p);
                    if (rest == buf.length) {
                        report.reject(new vn.khien.core.ingest.Rejection(
                                lineNo + 1, file.getFileName().toString(), "line longer than 16 MiB, skipped"));
                        skipping = true;
                        rest = 0;
                    } else if (rest > 0) {
                        System.arraycopy(buf, p, buf, 0, rest);
                    }
                    len = rest;
                    progress.accept(bytesRead);
                }
            }
        }

        private void reject(Path file, long line, String reason) {
            report.reject(
                    new vn.khien.core.ingest.Rejection(line, file.getFileName().toString(), reason));
        }

        private void parseLine(Path file, long lineNo, int prefix, int from, int to) throws IOException {
            int end = to;
            if (end > from && buf[end - 1] == '\r') {
                end--;
            }
            if (end == from) {
                return;
            }
            int colon = from;
            while (colon < end && buf[colon] != ':') {
                colon++;
            }
            int digits = colon - from;
            if (kind == null) {
                HashKind k = HashKind.ofHexLength(digits + (prefix >= 0 ? 5 : 0));
                if (k == null) {
                    report.read();
                    reject(
                            file,
                            lineNo,
                            prefix >= 0
                                    ? "expected a 35 (SHA-1) or 27 (NTLM) hex digit suffix, found " + digits
                                            + " characters"
                                    : "expected a 40 (SHA-1) or 32 (NTLM) hex digit hash, found " + digits
                                            + " characters");
                    return;
                }
                start(k);
            }
            HashKind k = kind;
            int hx = k.hexLength() - (prefix >= 0 ? 5 : 0);
            if (digits != hx) {
                report.read();
                reject(
                        file,
                        lineNo,
                        "expected " + hx + " hex digits of a " + k + " hash, found " + digits + " characters");
                return;
            }
            long count = 1;
            if (colon < end) {
                count = 0;
                int c = colon + 1;
                if (c == end) {
                    report.read();
                    reject(file, lineNo, "missing count after ':'");
                    return;
                }
                for (; c < end; c++) {
                    int d = buf[c] - '0';
                    if (d < 0 || d > 9) {
                        report.read();
                        reject(file, lineNo, "count is not a number");
                        return;
                    }
                    count = count * 10 + d;
                }
            }
            if (count == 0) {
                return; // padding line of the range API, not a breached hash
            }
            report.read();
            long w0 = 0;
            long w1 = 0;
            int w2 = 0;
            int nib = 0;
            if (prefix >= 0) {
                w0 = prefix;
                nib = 5;
            }
            for (int i = from; i < colon; i++) {
                int v = HEX[buf[i] & 0xFF];
                if (v < 0) {
                    reject(file, lineNo, "not a hex digit at column " + (i - from + 1));
                    return;
                }
                if (nib < 16) {
                    w0 = (w0 << 4) | v;
                } else if (nib < 32) {
                    w1 = (w1 << 4) | v;
                } else {
                    w2 = (w2 << 4) | v;
                }
                nib++;
            }
            add(w0, w1, w2);
        }

        private void start(HashKind k) {
            kind = k;
            long estimate = totalBytes / (k.hexLength() - 4);
            bits = StoreFormat.bitsFor(estimate);
            counts = new int[1 << bits];
            filters = new int[1 << bits];
        }

        private void add(long w0, long w1, int w2) throws IOException {
            if (!sorted) {
                addToChunk(w0, w1, w2);
                return;
            }
            if (any) {
                int c = compare(w0, w1, w2, last0, last1, last2);
                if (c == 0) {
                    duplicates++;
                    report.duplicate();
                    return;
                }
                if (c < 0) {
                    switchToRuns();
                    addToChunk(w0, w1, w2);
                    return;
                }
            }
            any = true;
            last0 = w0;
            last1 = w1;
            last2 = w2;
            write(w0, w1, w2);
            report.accept();
        }

        private void write(long w0, long w1, int w2) throws IOException {
            if (outBuf.remaining() < 20) {
                flush();
            }
            outBuf.putLong(w0).putLong(w1);
            if (kind == HashKind.SHA1) {
                outBuf.putInt(w2);
            }
            int bucket = (int) (w0 >>> (64 - bits));
            counts[bucket]++;
            filters[bucket] |= StoreFormat.bucketBits(w1);
            written++;
        }

        private void flush() throws IOException {
            outBuf.flip();
            crc.update(outBuf.array(), 0, outBuf.limit());
            while (outBuf.hasRemaining()) {
                out.write(outBuf);
            }
            outBuf.clear();
        }

        /** What was written so far is sorted and unique: keep it as the first run, sort the rest in chunks. */
        private void switchToRuns() throws IOException {
            flush();
            out.close();
            sorted = false;
            runFiles.add(tmp);
            runCounts.add(written);
            c0 = new long[chunkSize];
            c1 = new long[chunkSize];
            c2 = new int[chunkSize];
        }

        private void addToChunk(long w0, long w1, int w2) throws IOException {
            long[] a = c0;
            long[] b = c1;
            int[] c = c2;
            a[cn] = w0;
            b[cn] = w1;
            c[cn] = w2;
            cn++;
            if (cn == chunkSize) {
                spillChunk();
            }
        }

        private void spillChunk() throws IOException {
            long[] a = c0;
            long[] b = c1;
            int[] c = c2;
            RecordSort.sort(a, b, c, 0, cn - 1);
            Path run = Files.createTempFile(outDir, "run-", ".tmp");
            long n = 0;
            try (FileChannel ch = FileChannel.open(run, StandardOpenOption.WRITE)) {
                ByteBuffer bb = ByteBuffer.allocate(4 * 1024 * 1024);
                for (int i = 0; i < cn; i++) {
                    if (i > 0 && a[i] == a[i - 1] && b[i] == b[i - 1] && c[i] == c[i - 1]) {
                        continue;
                    }
                    if (bb.remaining() < 20) {
                        bb.flip();
                        while (bb.hasRemaining()) {
                            ch.write(bb);
                        }
                        bb.clear();
                    }
                    bb.putLong(a[i]).putLong(b[i]);
                    if (kind == HashKind.SHA1) {
                        bb.putInt(c[i]);
                    }
                    n++;
                }
                bb.flip();
                while (bb.hasRemaining()) {
                    ch.write(bb);
                }
            }
            runFiles.add(run);
            runCounts.add(n);
            cn = 0;
        }

        Result finish() throws IOException {
            HashKind k = kind;
            if (k == null) {
                throw new IllegalArgumentException("no SHA-1 or NTLM hash found in the input ("
                        + report.build().rejected() + " lines rejected)");
            }
            if (sorted) {
                flush();
            } else {
                if (cn > 0) {
                    spillChunk();
                }
                merge(k);
            }
            if (written > StoreFormat.MAX_COUNT) {
                throw new IllegalArgumentException("more than " + StoreFormat.MAX_COUNT + " hashes in one store");
            }
            ByteBuffer index = ByteBuffer.allocate(1024 * 1024);
            CRC32C indexCrc = new CRC32C();
            long position = 0;
            for (int b = 0; b <= counts.length; b++) {
                if (index.remaining() < 8) {
                    writeIndex(index, indexCrc);
                }
                index.putInt((int) position).putInt(b < counts.length ? filters[b] : 0);
                position += b < counts.length ? counts[b] : 0;
            }
            writeIndex(index, indexCrc);
            ByteBuffer header =
                    StoreFormat.header(k.code(), bits, written, (int) crc.getValue(), (int) indexCrc.getValue());
            out.write(header, 0);
            out.force(false);
            out.close();
            Path target = BreachedHashStore.fileIn(outDir, k);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            progress.accept(bytesRead);
            ImportReport r = report.build();
            // duplicates across chunks are only found by the merge
            ImportReport fixed = new ImportReport(
                    r.read(), written, r.rejected(), r.read() - r.rejected() - written, r.rejections());
            return new Result(k, target, written, bytesRead, sorted, fixed);
        }

        private void writeIndex(ByteBuffer index, CRC32C indexCrc) throws IOException {
            index.flip();
            indexCrc.update(index.array(), 0, index.limit());
            while (index.hasRemaining()) {
                out.write(index);
            }
            index.clear();
        }

        private void merge(HashKind k) throws IOException {
            tmp = Files.createTempFile(outDir, "store-", ".tmp");
            out = FileChannel.open(tmp, StandardOpenOption.WRITE);
            out.position(StoreFormat.HEADER);
            counts = new int[1 << bits];
            filters = new int[1 << bits];
            crc.reset();
            written = 0;
            boolean sha1 = k == HashKind.SHA1;
            PriorityQueue<Cursor> queue = new PriorityQueue<>();
            List<Cursor> cursors = new ArrayList<>();
            try {
                for (int i = 0; i < runFiles.size(); i++) {
                    long skip = i == 0 ? StoreFormat.HEADER : 0;
                    Cursor cursor = new Cursor(runFiles.get(i), skip, runCounts.get(i), sha1);
                    cursors.add(cursor);
                    if (cursor.next()) {
                        queue.add(cursor);
                    }
                }
                boolean first = true;
                long p0 = 0;
                long p1 = 0;
                int p2 = 0;
                while (!queue.isEmpty()) {
                    Cursor c = queue.poll();
                    if (first || compare(c.w0, c.w1, c.w2, p0, p1, p2) != 0) {
                        write(c.w0, c.w1, c.w2);
                        p0 = c.w0;
                        p1 = c.w1;
                        p2 = c.w2;
                        first = false;
                    }
                    if (c.next()) {
                        queue.add(c);
                    }
                }
                flush();
            } finally {
                for (Cursor c : cursors) {
                    c.in.close();
                }
                for (Path run : runFiles) {
                    Files.deleteIfExists(run);
                }
                runFiles.clear();
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
            Files.deleteIfExists(tmp);
            for (Path run : runFiles) {
                Files.deleteIfExists(run);
            }
        }
    }

    static int compare(long a0, long a1, int a2, long b0, long b1, int b2) {
        int c = Long.compareUnsigned(a0, b0);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(a1, b1);
        return c != 0 ? c : Integer.compareUnsigned(a2, b2);
    }

    private static final class Cursor implements Comparable<Cursor> {
        final DataInputStream in;
        final boolean sha1;
        long left;
        long w0;
        long w1;
        int w2;

        Cursor(Path file, long skip, long count, boolean sha1) throws IOException {
            InputStream raw = Files.newInputStream(file);
            raw.skipNBytes(skip);
            this.in = new DataInputStream(new BufferedInputStream(raw, 1 << 20));
            this.left = count;
            this.sha1 = sha1;
        }

        boolean next() throws IOException {
            if (left == 0) {
                return false;
            }
            left--;
            w0 = in.readLong();
            w1 = in.readLong();
            w2 = sha1 ? in.readInt() : 0;
            return true;
        }

        @Override
        public int compareTo(Cursor o) {
            return compare(w0, w1, w2, o.w0, o.w1, o.w2);
        }
    }
}
