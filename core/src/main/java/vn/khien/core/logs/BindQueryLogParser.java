package vn.khien.core.logs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Parses BIND 9 query logs ({@code category queries}), written to a file or through syslog, into one
 * {@link LogEvent.Kind#DNS_QUERY} event per query:
 *
 * <pre>
 * 17-Feb-2018 23:06:56.326 queries: info: client @0x7f64500020ef 172.26.0.1#12345 (a.example): query: a.example IN A +E(0)K (172.26.0.3)
 * </pre>
 *
 * <p>Denied queries ({@code query (cache) 'name/A/IN' denied}) also yield an event; the older form without
 * a name yields none but is accepted. Lines without {@code client} and a query are rejected.
 */
public final class BindQueryLogParser extends DnsLineParser {
    public BindQueryLogParser() {
        this(DEFAULT_ZONE, Clock.systemUTC());
    }

    /** Reads timestamps without a zone in {@code zone}; {@code clock} dates yearless syslog stamps. */
    public BindQueryLogParser(ZoneId zone, Clock clock) {
        super(zone, clock);
    }

    @Override
    public LogFormat format() {
        return LogFormat.BIND;
    }

    /** Whether {@code line} looks like a BIND query log line (for format detection). */
    public static boolean looksLike(String line) {
        return line.contains("client ")
                && (line.contains("): query: ") || line.contains(": query (") || line.contains("): view "));
    }

    /**
     * Finds the queried name in one raw BIND query line without allocating: returns
     * {@code (start << 32) | end} of the name in {@code b}, or -1 when {@code b[from, to)} holds no
     * {@code query: } field. Used by hot loops that match bytes directly.
     */
    public static long queryName(byte[] b, int from, int to) {
        // the colon of "query: " is found by a word-at-a-time search for ':'; the few earlier colons (time,
        // "queries:", "info:", "(name):") fail the check of the bytes around them
        int i = from + 5;
        while (true) {
            i = ByteScan.indexOf(b, i, to, (byte) ':');
            if (i + 1 >= to) {
                return -1;
            }
            if (b[i + 1] == ' '
                    && b[i - 1] == 'y'
                    && b[i - 2] == 'r'
                    && b[i - 3] == 'e'
                    && b[i - 4] == 'u'
                    && b[i - 5] == 'q') {
                int start = i + 2;
                int end = ByteScan.indexOf(b, start, to, (byte) ' ');
                return end > start ? ((long) start << 32) | end : -1;
            }
            i++;
        }
    }

    /**
     * Scans one raw line starting at {@code from} in a buffer of lines ending at {@code limit}: stores the
     * bounds of the queried name in {@code name[0]} and {@code name[1]} ({@code -1} in both when the line
     * has no {@code query: } field) and returns the index of the line's newline byte, or {@code limit} when
     * the buffer ends first. Touches each byte of the line once and allocates nothing.
     */
    public static int scanLine(byte[] b, int from, int limit, int[] name) {
        name[0] = -1;
        name[1] = -1;
        // 'y' is rare in a query line before the field: it occurs in "query" and in some names, never in the
        // time, "queries: info: client" or an address; every candidate is checked against "query: "
        int i = from;
        while (true) {
            i = ByteScan.indexOfEither(b, i, limit, (byte) 'y', (byte) '\n');
            if (i >= limit || b[i] == '\n') {
                return i;
            }
            if (i + 2 < limit
                    && i - 4 >= from
                    && b[i + 1] == ':'
                    && b[i + 2] == ' '
                    && b[i - 1] == 'r'
                    && b[i - 2] == 'e'
                    && b[i - 3] == 'u'
                    && b[i - 4] == 'q') {
                int start = i + 3;
                int end = ByteScan.indexOfEither(b, start, limit, (byte) ' ', (byte) '\n');
                if (end > start) {
                    name[0] = start;
                    name[1] = end;
                }
                return end < limit && b[end] == '\n' ? end : ByteScan.indexOf(b, end, limit, (byte) '\n');
            }
            i++;
        }
    }

    @Override
    void parseLine(long lineNo, String line, Consumer<LogEvent> sink) throws Malformed {
        int client = line.indexOf("client ");
        if (client < 0) {
            throw new Malformed("not a BIND query line: no 'client' field");
        }
        int p = client + 7;
        if (line.startsWith("@0x", p)) {
            p = line.indexOf(' ', p) + 1;
            if (p == 0) {
                throw new Malformed("client field ends after its @0x handle");
            }
        }
        int hash = line.indexOf('#', p);
        int space = line.indexOf(' ', p);
        int colon = line.indexOf(": ", p);
        if (hash < 0 || (space >= 0 && hash > space && (colon < 0 || hash > colon))) {
            throw new Malformed("client address without '#port'");
        }
        String clientIp = line.substring(p, hash);
        if (!isIpLiteral(clientIp)) {
            throw new Malformed("client address is not an IP: " + clientIp);
        }
        String name = null;
        int q = line.indexOf(" query: ", p);
        if (q >= 0) {
            int start = q + 8;
            int end = line.indexOf(' ', start);
            if (end < 0) {
                throw new Malformed("query field has no class and type");
            }
            name = line.substring(start, end);
        } else {
            int denied = line.indexOf(" query (", p);
            if (denied < 0) {
                throw new Malformed("not a BIND query line: no 'query:' field");
            }
            int quote = line.indexOf('\'', denied);
            if (quote >= 0) {
                int slash = line.indexOf('/', quote);
                if (slash < 0) {
                    throw new Malformed("denied query without 'name/type/class'");
                }
                name = line.substring(quote + 1, slash);
            }
        }
        if (name == null) {
            return;
        }
        String domain = dnsName(name);
        if (domain == null) {
            throw new Malformed("empty query name");
        }
        sink.accept(
                new LogEvent(lineNo, time(line), LogEvent.Kind.DNS_QUERY, clientIp, domain, null, 0, null, null, line));
    }

    private @Nullable Instant time(String line) {
        // dd-Mon-yyyy HH:mm:ss.SSS, as BIND writes with print-time yes
        if (line.length() >= 24 && line.charAt(2) == '-' && line.charAt(6) == '-' && line.charAt(14) == ':') {
            int m = month(line, 3);
            try {
                if (m > 0) {
                    LocalDateTime t = LocalDateTime.of(
                            Integer.parseInt(line.substring(7, 11)),
                            m,
                            Integer.parseInt(line.substring(0, 2)),
                            Integer.parseInt(line.substring(12, 14)),
                            Integer.parseInt(line.substring(15, 17)),
                            Integer.parseInt(line.substring(18, 20)),
                            Integer.parseInt(line.substring(21, 24)) * 1_000_000);
                    return t.atZone(zone).toInstant();
                }
            } catch (RuntimeException e) {
                return null;
            }
        }
        return syslogTime(line);
    }
}
