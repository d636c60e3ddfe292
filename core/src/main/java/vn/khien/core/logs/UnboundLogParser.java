package vn.khien.core.logs;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Parses Unbound logs written with {@code log-queries: yes}, to its own log file
 * ({@code [epoch] unbound[pid:thread] info: ...}) or through syslog, into one
 * {@link LogEvent.Kind#DNS_QUERY} event per query line:
 *
 * <pre>
 * [1795321953] unbound[11569:0] info: 127.0.0.1 Update.C2-Panel.TEST. A IN
 * </pre>
 *
 * <p>{@code log-replies} lines (the same fields followed by the return code, time, cache flag and size)
 * and other Unbound messages are accepted without events; lines without an {@code unbound[...]} or
 * {@code unbound:} tag are rejected.
 */
public final class UnboundLogParser extends DnsLineParser {
    public UnboundLogParser() {
        this(DEFAULT_ZONE, Clock.systemUTC());
    }

    /** Reads syslog timestamps in {@code zone}; {@code clock} supplies the missing year. */
    public UnboundLogParser(ZoneId zone, Clock clock) {
        super(zone, clock);
    }

    @Override
    public LogFormat format() {
        return LogFormat.UNBOUND;
    }

    /** Whether {@code line} looks like an Unbound log line (for format detection). */
    public static boolean looksLike(String line) {
        return messageStart(line) >= 0;
    }

    private static int messageStart(String line) {
        int u = line.indexOf("unbound");
        if (u < 0) {
            return -1;
        }
        int p = u + 7;
        if (line.startsWith("[", p)) {
            p = line.indexOf(']', p);
            if (p < 0) {
                return -1;
            }
            p++;
        }
        if (line.startsWith(": ", p)) {
            p += 2;
            // syslog form carries "[pid:thread] " after the tag
            if (line.startsWith("[", p)) {
                int close = line.indexOf("] ", p);
                p = close < 0 ? p : close + 2;
            }
            return p;
        }
        return line.startsWith(" ", p) ? p + 1 : -1;
    }

    @Override
    void parseLine(long lineNo, String line, Consumer<LogEvent> sink) throws Malformed {
        int m = messageStart(line);
        if (m < 0) {
            throw new Malformed("not an Unbound log line: no 'unbound[pid:thread]' tag");
        }
        if (!line.startsWith("info: ", m)) {
            return;
        }
        String[] t = line.substring(m + 6).split(" ");
        if (t.length < 4
                || !isIpLiteral(t[0])
                || !t[1].endsWith(".")
                || !t[3].equals("IN") && !t[3].equals("CH") && !t[3].equals("HS") && !t[3].startsWith("CLASS")) {
            return;
        }
        if (t.length > 4) {
            return;
        }
        String domain = dnsName(t[1]);
        if (domain == null) {
            // the root zone: a well-formed query with no name to match
            return;
        }
        sink.accept(new LogEvent(lineNo, time(line), LogEvent.Kind.DNS_QUERY, t[0], domain, null, 0, null, null, line));
    }

    private @Nullable Instant time(String line) {
        if (line.startsWith("[")) {
            int close = line.indexOf(']');
            try {
                return Instant.ofEpochSecond(Long.parseLong(line.substring(1, close)));
            } catch (RuntimeException e) {
                return null;
            }
        }
        int space = line.indexOf(' ');
        if (space > 19 && line.charAt(4) == '-' && line.charAt(10) == 'T') {
            try {
                return OffsetDateTime.parse(line.substring(0, space)).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return syslogTime(line);
    }
}
