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
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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
 * 64-bit word at a time (SWAR) for {@code '@'} and {@code '\n'}; newlines only advance the line counter.
 * At each {@code '@'} the host that follows is matched against the {@link DomainList} right to left, which
 * refuses foreign top-level labels after a few bytes. Only a match (a candidate) parses its line: the
 * line's shape decides whether the address is the login (a hit) or sits in the password or URL (no hit),
 * and only then are Strings allocated. A line longer than {@code maxLineLength} is rejected with its line
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
        if (maxLineLength < 1024 || maxLineLength > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("maxLineLength must be in [1024, 16 MiB], was " + maxLineLength);
        }
        this.domains = Objects.requireNonNull(domains, "domains");
        this.maxLineLength = maxLineLength;
        this.margin = maxLineLength + LOOKAHEAD + 2 * MAX_HOST;
        this.bufferSize = Math.max(8 * 1024 * 1024, 8 * margin);
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
        private final Set<HitKey> seen = new HashSet<>();
        private final MessageDigest sha1 = sha1();
        private long base;
        private int lim;
        private boolean eof;
        private int lineStart;
        private long lineNo = 1;
        private long nonBlank;
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
                // last line without a newline
                lines++;
                if (!longLine && !isBlank(lineStart, lim)) {
                    nonBlank++;
                }
                if (longLine) {
                    nonBlank++;
                }
            }
            progress.accept(base + lim);
            for (long i = 0; i < nonBlank; i++) {
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

        /** Scans {@code [from, end)} and returns where to resume. */
        private int scanRange(int from, int end) {
            final byte[] b = buf;
            int i = from;
            outer:
            while (i + 8 <= end) {
                long w = (long) LONGS.get(b, i);
                long x = w ^ ATS;
                long y = w ^ NEWLINES;
                long m = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
                while (m != 0) {
                    int p = i + (Long.numberOfTrailingZeros(m) >>> 3);
                    m &= m - 1;
                    byte c = b[p];
                    if (c == '\n') {
                        newline(p);
                    } else if (c == '@' && !longLine) {
                        int resume = candidate(p);
                        if (resume > p) {
                            i = resume;
                            continue outer;
                        }
                    }
                }
                i += 8;
            }
            while (i < end) {
                byte c = b[i];
                if (c == '\n') {
                    newline(i);
                } else if (c == '@' && !longLine) {
                    int resume = candidate(i);
                    if (resume > i) {
                        i = resume;
                        continue;
                    }
                }
                i++;
            }
            return i;
        }

        private void newline(int p) {
            if (longLine) {
                nonBlank++;
            } else {
                if (p - lineStart > maxLineLength) {
                    rejectLongLine();
                    nonBlank++;
                } else if (!isBlank(lineStart, p)) {
                    nonBlank++;
                }
            }
            longLine = false;
            lineNo++;
            lineStart = p + 1;
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
         * Handles an {@code '@'} at {@code at}; returns the index of the line's newline when the line was
         * parsed (so the scan resumes there), or {@code at} when the host is not under a listed domain.
         */
        private int candidate(int at) {
            final byte[] b = buf;
            int hostEnd = at + 1;
            int hostLimit = Math.min(lim, at + 1 + MAX_HOST);
            while (hostEnd < hostLimit && HOST[b[hostEnd] & 0xFF]) {
                hostEnd++;
            }
            int d = domains.matchHost(b, at + 1, hostEnd);
            if (d < 0) {
                return at;
            }
            int lineEnd = findNewline(at, lineStart + maxLineLength + 1);
            if (lineEnd < 0) {
                rejectLongLine(); // the rest of the line is skipped without parsing its other '@'s
                return at;
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
            String prefix = text(lineStart, s);
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
            if (!seen.add(new HitKey(account, fingerprint))) {
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

    private record HitKey(String account, @Nullable PasswordFingerprint password) {}
}
