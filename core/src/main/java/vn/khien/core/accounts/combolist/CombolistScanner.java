package vn.khien.core.accounts.combolist;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import vn.khien.core.accounts.PasswordFingerprint;
import vn.khien.core.ingest.ImportReport;

/**
 * Scans combolists and stealer logs for addresses under the listed domains and hands each hit, with a
 * fingerprint of its password, to a sink; memory stays bounded whatever the input size or line length.
 *
 * <p>Implementation notes: the input is read in large blocks into one reusable byte array and scanned a
 * 64-bit word at a time (SWAR) with exact masks of {@code '@'} and {@code '\n'}. The bytes before a word's first
 * {@code '@'} are accounted for in bulk: lines by popcount of the newline mask, the line start from its last
 * newline, blank lines only where a line starts with a byte below {@code '!'}, over-long lines by the distance
 * since the last newline. At each {@code '@'} the end of the host that follows is found two words at a time by
 * a SWAR host-character mask; {@link DomainList#mayMatch} then refuses almost every foreign host by its last
 * bytes with one table probe, and only the rest are matched label by label, right to left. Only a match (a
 * candidate) parses its line: the line's shape decides whether the address is the login (a hit) or sits in
 * the password or URL (no hit), and only then are Strings allocated; hits are de-duplicated in a primitive
 * open-addressing set. A line longer than {@code maxLineLength} is rejected with its line
 * number and skipped to the next newline; its bytes are dropped as the buffer moves on, so a 10 GB line
 * costs no more memory than a short one. The first 64 KiB, and the first 4 KiB of every later block, are
 * checked for binary content. One scanner may run several scans, one at a time per thread: each scan keeps
 * its state in its own {@code Run}. Complexity: linear in the input, one pass.
 */
public final class CombolistScanner {
    /** Default upper bound on a line's length in bytes; longer lines are rejected. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 64 * 1024;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long ATS = ONES * '@';
    private static final long NEWLINES = ONES * '\n';
    private static final int LOOKAHEAD = 64 * 1024;
    private static final int STEALER_LINES = 8;
    private static final int MAX_HOST = 255;
    private static final int SNIFF = 64 * 1024;
    private static final int BLOCK_SNIFF = 4 * 1024;
    private static final boolean[] HOST = new boolean[256];
    private static final boolean[] LOCAL_STOP = new boolean[256];

    static {
        for (int c = 'a'; c <= 'z'; c++) {
            HOST[c] = true;
            HOST[c - 32] = true;
        }
        for (int c = '0'; c <= '9'; c++) {
            HOST[c] = true;
        }
        HOST['.'] = true;
        HOST['-'] = true;
        HOST['_'] = true;
        for (char c : ":; \t|,\"'<>/=\r\n()[]\\".toCharArray()) {
            LOCAL_STOP[c] = true;
        }
        for (int c = 0; c < 0x20; c++) {
            LOCAL_STOP[c] = true;
        }
        LOCAL_STOP['@'] = true;
    }

    private final DomainList domains;
    private final int maxLineLength;
    private final int margin;
    private final int bufferSize;

    /** A scanner with the default maximum line length. */
    public CombolistScanner(DomainList domains) {
        this(domains, DEFAULT_MAX_LINE_LENGTH);
    }

    /** A scanner that rejects lines longer than {@code maxLineLength} bytes (at least 1024). */
    public CombolistScanner(DomainList domains, int maxLineLength) {
        this(domains, maxLineLength, 0);
    }

    /** For tests: a read buffer of {@code bufferSize} bytes (at least four margins), 0 for the default. */
    CombolistScanner(DomainList domains, int maxLineLength, int bufferSize) {
        if (maxLineLength < 1024 || maxLineLength > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("maxLineLength must be in [1024, 16 MiB], was " + maxLineLength);
        }
        this.domains = Objects.requireNonNull(domains, "domains");
        this.maxLineLength = maxLineLength;
        this.margin = maxLineLength + LOOKAHEAD + 2 * MAX_HOST;
        this.bufferSize = bufferSize == 0 ? Math.max(8 * 1024 * 1024, 8 * margin) : Math.max(bufferSize, 4 * margin);
    }

    /** The domains this scanner looks for. */
    public DomainList domains() {
        return domains;
    }

    /**
     * Scans {@code file}, handing hits to {@code sink} in input order and the number of bytes scanned so far
     * to {@code progress} after each block.
     *
     * @throws BinaryInputException when the file is binary; the message names the file and byte offset
     */
    public ComboScanResult scan(Path file, Consumer<ComboHit> sink, LongConsumer progress) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return scan(in, sink, progress);
        } catch (BinaryInputException e) {
            throw new BinaryInputException(e.offset(), file + ": " + e.getMessage());
        }
    }

    /** Scans a stream to its end; see {@link #scan(Path, Consumer, LongConsumer)}. */
    public ComboScanResult scan(InputStream in, Consumer<ComboHit> sink, LongConsumer progress) throws IOException {
        return new Run(in, sink, progress).run();
    }

    /** Scans a stream to its end without progress reports. */
    public ComboScanResult scan(InputStream in, Consumer<ComboHit> sink) throws IOException {
        return scan(in, sink, bytes -> {});
    }

    private final class Run {
        private final InputStream in;
        private final Consumer<ComboHit> sink;
        private final LongConsumer progress;
        private final byte[] buf = new byte[bufferSize];
        private final ImportReport.Builder report = ImportReport.builder();
        private final HitSet seen = new HitSet();
        private final MessageDigest sha1 = sha1();
        private long base;
        private int lim;
        private boolean eof;
        private int lineStart;
        private long lineNo = 1;
        /** Lines holding only spaces, tabs and CRs (short enough not to be rejected). */
        private long blank;
        /** {@code 0x80} when the byte the scan resumes at begins a line, else 0. */
        private long startBit = 0x80;

        private boolean longLine;
        private long hits;
        private long duplicates;

        Run(InputStream in, Consumer<ComboHit> sink, LongConsumer progress) {
            this.in = in;
            this.sink = sink;
            this.progress = progress;
        }

        ComboScanResult run() throws IOException {
            fill();
            sniff(0, Math.min(lim, SNIFF), true);
            int pos = 0;
            while (true) {
                int end = eof ? lim : lim - margin;
                if (end > pos) {
                    pos = scanRange(pos, end);
                }
                if (!longLine && pos - lineStart > maxLineLength) {
                    rejectLongLine();
                }
                if (eof) {
                    break;
                }
                int keep = longLine ? pos : lineStart;
                System.arraycopy(buf, keep, buf, 0, lim - keep);
                base += keep;
                lim -= keep;
                pos -= keep;
                lineStart -= keep;
                progress.accept(base + pos);
                int before = lim;
                fill();
                sniff(before, Math.min(lim, before + BLOCK_SNIFF), false);
            }
            long lines = lineNo - 1;
            if (lim > lineStart || longLine) {
                lines++; // last line without a newline
            }
            progress.accept(base + lim);
            for (long i = 0, nonBlank = lines - blank; i < nonBlank; i++) {
                report.read();
            }
            for (long i = 0; i < hits; i++) {
                report.accept();
            }
            for (long i = 0; i < duplicates; i++) {
                report.duplicate();
            }
            return new ComboScanResult(base + lim, lines, report.build());
        }

        private void fill() throws IOException {
            while (lim < buf.length && !eof) {
                int n = in.read(buf, lim, buf.length - lim);
                if (n < 0) {
                    eof = true;
                } else {
                    lim += n;
                }
            }
        }

        private void sniff(int from, int to, boolean first) throws BinaryInputException {
            int control = 0;
            for (int i = from; i < to; i++) {
                int c = buf[i] & 0xFF;
                if (c == 0) {
                    throw new BinaryInputException(
                            base + i, "binary data (NUL byte) at byte offset " + (base + i) + ", not a text combolist");
                }
                if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x0B) || c == 0x7F) {
                    control++;
                }
            }
            int n = to - from;
            if (n >= 64 && control * 10 > n) {
                throw new BinaryInputException(
                        base + from,
                        (first ? "binary data at the start" : "binary data from byte offset " + (base + from)) + ": "
                                + control + " of " + n + " bytes are control characters, not a text combolist");
            }
        }

        /**
         * Scans {@code [from, end)} and returns where to resume (possibly a few bytes past {@code end}, never past
         * {@code lim}). Each step reads the 8 bytes at {@code i} and takes exact SWAR masks of their newlines and
         * {@code '@'}s; the bytes before the first {@code '@'} are accounted for in bulk (lines by popcount, the
         * line start by the last newline, blank-line candidates as line starts holding a byte below {@code '!'}),
         * then the {@code '@'} is handled and the scan resumes after its host.
         */
        private int scanRange(int from, int end) {
            final byte[] b = buf;
            final int max = maxLineLength;
            final int wordEnd = eof ? lim - 7 : end;
            int i = from;
            long start = startBit;
            while (i < end) {
                if (longLine) {
                    i = skipLongLine(i, end);
                    start = i > 0 && b[i - 1] == '\n' ? 0x80 : 0;
                    continue;
                }
                if (i >= wordEnd) {
                    startBit = start;
                    i = scanTail(i, end);
                    start = startBit;
                    continue;
                }
                long w = (long) LONGS.get(b, i);
                long nl = equal(w, NEWLINES);
                long at = equal(w, ATS);
                long firstAt = at & -at;
                long before = firstAt - 1; // the bytes before the first '@', or all when there is none
                nl &= before;
                if ((i + (Long.numberOfTrailingZeros(nl | firstAt) >>> 3)) - lineStart > max) {
                    rejectLongLine(); // no newline for more than max bytes; go on in skip mode from i
                    continue;
                }
                long blankStarts = ((nl << 8) | start) & before & below(w, '!');
                if (blankStarts != 0) {
                    blankStarts(i, blankStarts);
                }
                if (nl != 0) {
                    lineNo += Long.bitCount(nl);
                    lineStart = i + 8 - (Long.numberOfLeadingZeros(nl) >>> 3);
                }
                if (firstAt == 0) {
                    start = nl >>> 56;
                    i += 8;
                } else {
                    i = candidate(i + (Long.numberOfTrailingZeros(firstAt) >>> 3));
                    start = 0; // after '@', its host or a newline: not a line start
                }
            }
            startBit = start;
            return i;
        }

        /** The bytes from {@code i} to the end of the input, fewer than 8, one at a time. */
        private int scanTail(int i, int end) {
            final byte[] b = buf;
            while (i < end && !longLine) {
                byte c = b[i];
                if ((c == '\n' ? i : i + 1) - lineStart > maxLineLength) {
                    rejectLongLine();
                    break;
                }
                if (startBit != 0 && (c & 0xFF) < '!') {
                    blankStarts(i, 0x80);
                }
                startBit = 0;
                if (c == '\n') {
                    lineNo++;
                    lineStart = i + 1;
                    startBit = 0x80;
                    i++;
                } else if (c == '@') {
                    i = candidate(i);
                } else {
                    i++;
                }
            }
            return i;
        }

        /** In a line already rejected as too long: skips to just after its newline (or to {@code end}). */
        private int skipLongLine(int i, int end) {
            int k = i;
            while (k < end && buf[k] != '\n') {
                k++;
            }
            if (k == end) {
                return k;
            }
            longLine = false;
            lineNo++;
            lineStart = k + 1;
            return k + 1;
        }

        /**
         * Counts the blank lines among the line starts flagged in {@code starts} (high bits of the bytes of the
         * word at {@code i} that begin a line with a byte below {@code '!'}).
         */
        private void blankStarts(int i, long starts) {
            long m = starts;
            while (m != 0) {
                int s = i + (Long.numberOfTrailingZeros(m) >>> 3);
                m &= m - 1;
                int limit = Math.min(lim, s + maxLineLength + 1);
                int k = s;
                while (k < limit && (buf[k] == ' ' || buf[k] == '\t' || buf[k] == '\r')) {
                    k++;
                }
                if (k - s <= maxLineLength && ((k < lim && buf[k] == '\n') || (k == lim && eof))) {
                    blank++;
                }
            }
        }

        private boolean isBlank(int from, int to) {
            for (int k = from; k < to; k++) {
                byte c = buf[k];
                if (c != ' ' && c != '\t' && c != '\r') {
                    return false;
                }
            }
            return true;
        }

        private void rejectLongLine() {
            longLine = true;
            report.reject(lineNo, "line longer than " + maxLineLength + " bytes, skipped to the next newline");
        }

        /**
         * Handles the {@code '@'} at {@code at} and returns where the scan resumes: after its host when the host is
         * under no listed domain, else at the line's newline (the line was parsed, the rest of it is skipped).
         */
        private int candidate(int at) {
            final byte[] b = buf;
            int hostStart = at + 1;
            int hostLimit = Math.min(lim, hostStart + MAX_HOST);
            int hostEnd;
            if (hostStart + MAX_HOST + 32 <= lim) {
                // two words at once without a branch between them: most hosts are shorter than 16 bytes
                int k = hostStart;
                long stop1 = nonHost((long) LONGS.get(b, k));
                long stop2 = nonHost((long) LONGS.get(b, k + 8));
                while ((stop1 | stop2) == 0 && k < hostLimit) {
                    k += 16;
                    stop1 = nonHost((long) LONGS.get(b, k));
                    stop2 = nonHost((long) LONGS.get(b, k + 8));
                }
                int in1 = Long.numberOfTrailingZeros(stop1) >>> 3;
                int in2 = Long.numberOfTrailingZeros(stop2) >>> 3;
                hostEnd = Math.min(hostLimit, k + (stop1 != 0 ? in1 : 8 + in2));
            } else {
                hostEnd = hostStart;
                while (hostEnd < hostLimit && HOST[b[hostEnd] & 0xFF]) {
                    hostEnd++;
                }
            }
            if (!domains.mayMatch(b, hostStart, hostEnd)) {
                return hostEnd;
            }
            int d = domains.matchHost(b, hostStart, hostEnd);
            if (d < 0) {
                return hostEnd;
            }
            int lineEnd = findNewline(at, lineStart + maxLineLength + 1);
            if (lineEnd < 0) {
                rejectLongLine(); // the rest of the line is skipped without parsing its other '@'s
                return hostEnd;
            }
            int s = at;
            while (s > lineStart && !LOCAL_STOP[b[s - 1] & 0xFF]) {
                s--;
            }
            if (s == at) {
                return lineEnd;
            }
            int contentEnd = lineEnd;
            if (contentEnd > lineStart && b[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            parseLine(s, at, hostEnd, contentEnd, lineEnd, d);
            return lineEnd;
        }

        private int findNewline(int from, int limit) {
            int to = Math.min(lim, limit);
            for (int k = from; k < to; k++) {
                if (buf[k] == '\n') {
                    return k;
                }
            }
            if (eof && lim < limit) {
                return lim; // last line without a newline
            }
            return -1;
        }

        private void parseLine(int s, int at, int hostEnd, int contentEnd, int lineEnd, int domainIndex) {
            String prefix = s == lineStart ? "" : text(lineStart, s);
            String trimmed = stripLeading(prefix);
            ComboFormat format;
            int passwordFrom = -1;
            int passwordTo = -1;
            String stealerPassword = null;
            if (trimmed.isEmpty()) {
                if (isBlank(hostEnd, contentEnd)) {
                    format = ComboFormat.EMAIL_ONLY;
                } else if (isSeparator(buf[hostEnd])) {
                    format = buf[hostEnd] == ';' ? ComboFormat.EMAIL_SEMICOLON_PASSWORD : ComboFormat.EMAIL_PASSWORD;
                    passwordFrom = hostEnd + 1;
                    passwordTo = contentEnd;
                } else {
                    return;
                }
            } else if (trimmed.length() <= StealerKeys.MAX_KEY_LENGTH && StealerKeys.isLoginKey(trimmed)) {
                if (!isBlank(hostEnd, contentEnd)) {
                    return;
                }
                format = ComboFormat.STEALER_LOG;
                stealerPassword = stealerPassword(lineEnd);
            } else {
                if (prefix.indexOf('@') >= 0 && !prefix.contains("://")) {
                    return; // an email precedes this one: the address sits in the password
                }
                char last = prefix.charAt(prefix.length() - 1);
                String url = prefix.substring(0, prefix.length() - 1).strip();
                if (!isSeparator((byte) last) || !UrlShapes.isUrlOrHost(url)) {
                    return; // the address sits in the password (or another non-login) field
                }
                if (hostEnd >= contentEnd || !isSeparator(buf[hostEnd])) {
                    return;
                }
                format = ComboFormat.URL_LOGIN_PASSWORD;
                passwordFrom = hostEnd + 1;
                passwordTo = contentEnd;
            }
            String account = text(s, hostEnd).toLowerCase(Locale.ROOT);
            PasswordFingerprint fingerprint = null;
            if (passwordFrom >= 0) {
                fingerprint = PasswordFingerprint.of(
                        new String(buf, passwordFrom, passwordTo - passwordFrom, StandardCharsets.UTF_8), sha1);
            } else if (stealerPassword != null) {
                fingerprint = PasswordFingerprint.of(stealerPassword, sha1);
            }
            if (!seen.add(account, fingerprint)) {
                duplicates++;
                return;
            }
            hits++;
            sink.accept(new ComboHit(lineNo, account, domains.domain(domainIndex), format, fingerprint));
        }

        /** The value of the first {@code Password:} line of the block after {@code lineEnd}, or null. */
        private @Nullable String stealerPassword(int lineEnd) {
            int from = lineEnd + 1;
            int limit = Math.min(lim, from + LOOKAHEAD);
            for (int n = 0; n < STEALER_LINES && from < limit; n++) {
                int to = from;
                while (to < limit && buf[to] != '\n') {
                    to++;
                }
                int contentEnd = to > from && buf[to - 1] == '\r' ? to - 1 : to;
                String line = new String(buf, from, contentEnd - from, StandardCharsets.UTF_8);
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("===") || t.startsWith("---") || StealerKeys.isUrlKey(t)) {
                    return null;
                }
                String value = StealerKeys.passwordValue(line);
                if (value != null) {
                    return value;
                }
                if (StealerKeys.isLoginKey(t.substring(0, t.indexOf(':') + 1))) {
                    return null; // next account's block
                }
                from = to + 1;
            }
            return null;
        }

        private String text(int from, int to) {
            return new String(buf, from, to - from, StandardCharsets.UTF_8);
        }
    }

    /** High bit of each byte of {@code w} that equals the byte of {@code pattern} (exact, no borrow). */
    private static long equal(long w, long pattern) {
        long t = w ^ pattern;
        return ~(((t & LOW7) + LOW7) | t) & HIGHS;
    }

    /** High bit of each byte of {@code w} below {@code n} (unsigned, exact; {@code n <= 0x80}). */
    private static long below(long w, int n) {
        return ~(((w & LOW7) + ONES * (0x80 - n)) | w) & HIGHS;
    }

    /** High bit of each byte of {@code w} that is not a host character ({@code [A-Za-z0-9._-]}). */
    private static long nonHost(long w) {
        long y = w & LOW7;
        long folded = y | (ONES * 0x20);
        long letter = (folded + ONES * (0x80 - 'a')) & ~(folded + ONES * (0x7F - 'z'));
        long digitDotDash = (y + ONES * (0x80 - '-')) & ~(y + ONES * (0x7F - '9')) & ~equal(y, ONES * '/');
        long host = (letter | digitDotDash | equal(y, ONES * '_')) & ~w;
        return ~host & HIGHS;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-1", e);
        }
    }

    private static String stripLeading(String s) {
        String t = s.strip();
        return t.startsWith("\uFEFF") ? t.substring(1).strip() : t;
    }

    private static boolean isSeparator(byte c) {
        return c == ':' || c == ';' || c == '|' || c == '\t' || c == ',' || c == ' ';
    }

    /**
     * The (account, password) pairs reported in one run: open addressing on a 64-bit key made of the two hash
     * codes, in primitive arrays (no entry objects); the pair itself is compared only when the keys are equal,
     * so a collision of keys never merges two different hits.
     */
    private static final class HitSet {
        private long[] keys = new long[1024];
        private int[] refs = new int[1024]; // 1 + index into accounts/passwords, 0 = empty slot
        private String[] accounts = new String[512];
        private @Nullable PasswordFingerprint[] passwords = new PasswordFingerprint[512];
        private int size;

        /** Adds the pair; false when it was already there. */
        boolean add(String account, @Nullable PasswordFingerprint password) {
            long key = ((long) account.hashCode() << 32) ^ (password == null ? 0 : password.hashCode() & 0xFFFFFFFFL);
            int mask = refs.length - 1;
            int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
            int r;
            while ((r = refs[slot]) != 0) {
                if (keys[slot] == key
                        && accounts[r - 1].equals(account)
                        && Objects.equals(passwords[r - 1], password)) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            if (size == accounts.length) {
                accounts = Arrays.copyOf(accounts, 2 * size);
                passwords = Arrays.copyOf(passwords, 2 * size);
            }
            accounts[size] = account;
            passwords[size] = password;
            keys[slot] = key;
            refs[slot] = ++size;
            if (2 * size > refs.length) {
                grow();
            }
            return true;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldRefs = refs;
            keys = new long[2 * oldKeys.length];
            refs = new int[2 * oldRefs.length];
            int mask = refs.length - 1;
            for (int i = 0; i < oldRefs.length; i++) {
                if (oldRefs[i] != 0) {
                    int slot = (int) ((oldKeys[i] * 0x9E3779B97F4A7C15L) >>> 32) & mask;
                    while (refs[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    refs[slot] = oldRefs[i];
                }
            }
        }
    }
}
