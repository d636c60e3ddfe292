package vn.khien.core.inventory;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Reads lines ({@code \n}, {@code \r\n} or {@code \r}) from a reader, refusing to hold a line longer than a limit
 * in memory: a hostile or broken file with one huge line costs one skipped line, not the heap.
 */
final class BoundedLineReader {
    private final Reader in;
    private final int maxLine;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private boolean eof;
    private boolean tooLong;
    private boolean pendingCr;
    private long lineNumber;

    BoundedLineReader(Reader in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The next line without its terminator, or null at the end; {@link #lastWasTooLong()} says if it was cut. */
    @Nullable
    String next() throws IOException {
        StringBuilder sb = null;
        tooLong = false;
        int kept = 0;
        while (true) {
            if (pos >= len) {
                if (eof || !fill()) {
                    if (sb == null && kept == 0 && !tooLong) {
                        return null;
                    }
                    lineNumber++;
                    return sb == null ? "" : sb.toString();
                }
            }
            if (pendingCr) {
                pendingCr = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            while (pos < len && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            int n = pos - start;
            if (!tooLong) {
                if (kept + n > maxLine) {
                    tooLong = true;
                    sb = null;
                } else if (pos < len && sb == null) {
                    char c = buf[pos];
                    pos++;
                    if (c == '\r') {
                        pendingCr = true;
                    }
                    lineNumber++;
                    return new String(buf, start, n);
                } else {
                    if (sb == null) {
                        sb = new StringBuilder(Math.max(16, n * 2));
                    }
                    sb.append(buf, start, n);
                    kept += n;
                }
            }
            if (pos < len) {
                char c = buf[pos];
                pos++;
                if (c == '\r') {
                    pendingCr = true;
                }
                lineNumber++;
                return tooLong ? "" : (sb == null ? "" : sb.toString());
            }
        }
    }

    boolean lastWasTooLong() {
        return tooLong;
    }

    long lineNumber() {
        return lineNumber;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            pos = 0;
            len = 0;
            return false;
        }
        pos = 0;
        len = n;
        return true;
    }
}
