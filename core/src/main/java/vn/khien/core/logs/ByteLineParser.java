package vn.khien.core.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vn.khien.core.ingest.ImportReport;

/**
 * Shared byte-level line loop of the flow, proxy, IDS and firewall parsers: splits the input on LF (a CR
 * before it is dropped), skips blank lines, lets the format decide which lines are comments or headers,
 * and turns each record line into events or one rejection.
 *
 * <p>Implementation notes: lines are handed over as slices of one reused buffer, so a fast path can scan
 * bytes without decoding; a line longer than {@link #MAX_LINE} bytes is rejected and skipped to its end
 * without being buffered. A format may parse a line from its start and find its end in the same pass
 * ({@link Session#lineAt}); when it declines, the line is split first as usual. Events of a line are
 * collected first and handed to the sink only when the whole
 * line parsed, so a rejected line never leaves half its events behind. Any runtime exception from a format
 * (a bug or a hostile line) rejects that line with the exception's type; it never ends the run. An
 * exception from the sink is the caller's and propagates.
 */
abstract class ByteLineParser implements LogParser {
    /** Longest line accepted; real EVE lines with big HTTP headers stay far below this. */
    static final int MAX_LINE = 1 << 20;

    /** Thrown by a format to reject a line; carries the reason shown to the user. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Per-run state (e.g. a Zeek header); a new one for each {@link #parse} call. */
    interface Session {
        /**
         * Parses {@code b[from, to)} (line {@code lineNo}, no line terminator) into {@code out}; returns false
         * when the line is a comment or header that is not a record (neither read nor rejected).
         */
        boolean line(byte[] b, int from, int to, long lineNo, List<LogEvent> out) throws Malformed;

        /**
         * A fast path that finds the line's end itself: parses the record line starting at {@code b[from]}
         * (line {@code lineNo}) into {@code out} and returns the index of the LF that ends it, reading no
         * further than {@code limit}; returns -1, with {@code out} to be discarded, to have the line split
         * first and handed to {@link #line}. Must give exactly the events {@link #line} would.
         */
        default int lineAt(byte[] b, int from, int limit, long lineNo, List<LogEvent> out) {
            return -1;
        }
    }

    abstract Session session();

    @Override
    public final ImportReport parse(InputStream in, Consumer<LogEvent> sink) throws IOException {
        ImportReport.Builder report = ImportReport.builder();
        Session session = session();
        List<LogEvent> events = new ArrayList<>(4);
        byte[] buf = new byte[1 << 16];
        int start = 0;
        int end = 0;
        long lineNo = 0;
        boolean skipping = false;
        boolean eof = false;
        while (true) {
            if (!skipping && start < end) {
                // one pass over the line when the format can find its end while parsing it
                events.clear();
                int lf;
                try {
                    lf = session.lineAt(buf, start, end, lineNo + 1, events);
                } catch (RuntimeException e) {
                    lf = -1; // the split-line path below decides what to say about this line
                }
                if (lf >= 0) {
                    lineNo++;
                    report.read();
                    report.accept();
                    for (LogEvent e : events) {
                        sink.accept(e);
                    }
                    start = lf + 1;
                    continue;
                }
            }
            int nl = ByteScan.indexOf(buf, start, end, (byte) '\n');
            if (nl == end) {
                nl = -1;
            }
            if (nl < 0 && !eof) {
                if (end - start >= MAX_LINE) {
                    if (!skipping) {
                        lineNo++;
                        report.read();
                        report.reject(lineNo, "line longer than " + MAX_LINE + " bytes");
                        skipping = true;
                    }
                    start = 0;
                    end = 0;
                }
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end == buf.length) {
                    byte[] bigger = new byte[Math.min(buf.length * 2, MAX_LINE + 1)];
                    System.arraycopy(buf, 0, bigger, 0, end);
                    buf = bigger;
                }
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    eof = true;
                } else {
                    end += n;
                }
                continue;
            }
            int lineEnd = nl < 0 ? end : nl;
            if (skipping) {
                skipping = nl < 0 && !eof;
            } else if (nl >= 0 || start < end) {
                lineNo++;
                int to = lineEnd > start && buf[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                handle(session, buf, start, to, lineNo, report, events, sink);
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return report.build();
    }

    private static void handle(
            Session session,
            byte[] b,
            int from,
            int to,
            long lineNo,
            ImportReport.Builder report,
            List<LogEvent> events,
            Consumer<LogEvent> sink) {
        int i = from;
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        if (i == to) {
            return;
        }
        events.clear();
        boolean record;
        try {
            record = session.line(b, from, to, lineNo, events);
        } catch (Malformed e) {
            report.read();
            report.reject(lineNo, e.getMessage());
            return;
        } catch (RuntimeException e) {
            report.read();
            report.reject(lineNo, "cannot be parsed (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (!record) {
            return;
        }
        report.read();
        report.accept();
        for (LogEvent e : events) {
            sink.accept(e);
        }
    }

    static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    static boolean startsWith(byte[] b, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
