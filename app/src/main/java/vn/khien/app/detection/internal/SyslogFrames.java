package vn.khien.app.detection.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Splits a syslog TCP stream into messages (RFC 6587): octet-counted ({@code <length> <message>}) when a frame
 * starts with a digit followed by digits and a space, newline-terminated otherwise. Reads through its own buffer
 * (no per-byte calls); messages longer than {@code max} bytes are cut to {@code max}. Not thread-safe.
 */
final class SyslogFrames {
    private final InputStream in;
    private final int max;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private boolean eof;

    SyslogFrames(InputStream in, int max) {
        this.in = in;
        this.max = max;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            pos = 0;
        }
        if (end == buf.length) {
            return true;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }

    /** The next message, or {@code null} at the end of the stream. */
    @Nullable
    String next() throws IOException {
        // skip newlines between frames
        while (true) {
            while (pos < end && (buf[pos] == '\n' || buf[pos] == '\r')) {
                pos++;
            }
            if (pos < end) {
                break;
            }
            if (!fill()) {
                return null;
            }
        }
        // octet counting: up to 7 digits then a space
        int len = octetCount();
        if (len >= 0) {
            return counted(len);
        }
        return line();
    }

    /** The frame length if the frame starts with an octet count (consumed), else -1 (nothing consumed). */
    private int octetCount() throws IOException {
        while (true) {
            int i = pos;
            int len = 0;
            while (i < end && i - pos < 8 && buf[i] >= '0' && buf[i] <= '9') {
                len = len * 10 + (buf[i] - '0');
                i++;
            }
            if (i < end) {
                if (i > pos && buf[pos] != '0' && buf[i] == ' ' && i - pos <= 7) {
                    pos = i + 1;
                    return len;
                }
                return -1;
            }
            if (end - pos >= 8 || !fill()) {
                return -1;
            }
        }
    }

    private String counted(int len) throws IOException {
        int want = Math.min(len, max);
        while (end - pos < want) {
            if (pos == 0 && end == buf.length) {
                break;
            }
            if (!fill()) {
                break;
            }
        }
        int n = Math.min(want, end - pos);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        long skip = (long) len - n;
        while (skip > 0) {
            if (pos == end && !fill()) {
                break;
            }
            int k = (int) Math.min(skip, end - pos);
            pos += k;
            skip -= k;
        }
        return s;
    }

    private String line() throws IOException {
        StringBuilder longLine = null;
        while (true) {
            for (int i = pos; i < end; i++) {
                if (buf[i] == '\n') {
                    int stop = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    String s = new String(buf, pos, stop - pos, StandardCharsets.UTF_8);
                    pos = i + 1;
                    return longLine == null ? s : cut(longLine.append(s));
                }
            }
            if (pos == 0 && end == buf.length) {
                // a line longer than the buffer: keep what fits under max
                if (longLine == null) {
                    longLine = new StringBuilder();
                }
                if (longLine.length() < max) {
                    longLine.append(new String(buf, 0, end, StandardCharsets.UTF_8));
                }
                pos = end;
            }
            if (!fill()) {
                String s = new String(buf, pos, end - pos, StandardCharsets.UTF_8);
                pos = end;
                return longLine == null ? s : cut(longLine.append(s));
            }
        }
    }

    private String cut(StringBuilder sb) {
        return sb.length() > max ? sb.substring(0, max) : sb.toString();
    }
}
