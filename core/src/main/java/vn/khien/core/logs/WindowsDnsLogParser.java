package vn.khien.core.logs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Parses the Windows Server DNS debug log ({@code dns.log}, "Log packets for debugging") into one
 * {@link LogEvent.Kind#DNS_QUERY} event per query the server received from a client ({@code Rcv} without
 * the {@code R} response flag):
 *
 * <pre>
 * 22/12/2021 21:46:04 0E1C PACKET  0000017DEDFE28D0 UDP Rcv 10.20.0.6       966f   Q [0001   D   NOERROR] A      (5)login(4)live(3)com(0)
 * </pre>
 *
 * <p>Sent packets and received responses describe the same lookup again (forwarded upstream, answered),
 * so they are accepted without events; the debug log must therefore include incoming requests. Names in
 * wire form {@code (5)login(4)live(3)com(0)} and dotted form {@code .login.live.com.} are both read. Dates
 * with AM/PM are read as month/day/year, 24-hour dates as day/month/year (a first field above 12 is always
 * the day), in the configured zone. The file header and non-PACKET lines are accepted without events;
 * PACKET lines that cannot be read are rejected.
 */
public final class WindowsDnsLogParser extends DnsLineParser {
    public WindowsDnsLogParser() {
        this(DEFAULT_ZONE, Clock.systemUTC());
    }

    /** Reads the log's local times in {@code zone}. */
    public WindowsDnsLogParser(ZoneId zone, Clock clock) {
        super(zone, clock);
    }

    @Override
    public LogFormat format() {
        return LogFormat.WINDOWS_DNS;
    }

    /** Whether {@code line} looks like a Windows DNS debug log PACKET line (for format detection). */
    public static boolean looksLike(String line) {
        return line.contains(" PACKET ") && (line.contains(" Rcv ") || line.contains(" Snd "));
    }

    @Override
    void parseLine(long lineNo, String line, Consumer<LogEvent> sink) throws Malformed {
        int packet = line.indexOf(" PACKET ");
        if (packet < 0) {
            return;
        }
        String[] t = line.substring(packet + 8).strip().split("\\s+");
        // context, protocol, Snd/Rcv, remote IP, xid, [R], opcode, [flags-hex ... rcode], type, name
        if (t.length < 8) {
            throw new Malformed("PACKET line with too few fields");
        }
        String direction = t[2];
        String remote = t[3];
        if (!("Rcv".equals(direction) || "Snd".equals(direction)) || !isIpLiteral(remote)) {
            throw new Malformed("PACKET line without Snd/Rcv and a remote address");
        }
        int i = 5;
        boolean response = "R".equals(t[i]);
        if (response) {
            i++;
        }
        int close = -1;
        for (int k = i; k < t.length; k++) {
            if (t[k].endsWith("]")) {
                close = k;
                break;
            }
        }
        if (close < 0 || close + 2 >= t.length) {
            throw new Malformed("PACKET line without [flags] or question");
        }
        String name = wireName(t[close + 2]);
        if (name == null) {
            throw new Malformed("unreadable question name: " + t[close + 2]);
        }
        if (!"Rcv".equals(direction) || response || name.isEmpty()) {
            return;
        }
        sink.accept(new LogEvent(
                lineNo,
                time(line.substring(0, packet)),
                LogEvent.Kind.DNS_QUERY,
                remote,
                name,
                null,
                0,
                null,
                null,
                line));
    }

    /** {@code (5)login(4)live(3)com(0)} or {@code .login.live.com.} to {@code login.live.com}; null if bad. */
    static @Nullable String wireName(String s) {
        if (s.startsWith("(")) {
            StringBuilder b = new StringBuilder(s.length());
            int p = 0;
            while (p < s.length()) {
                int close = s.indexOf(')', p);
                if (s.charAt(p) != '(' || close < 0) {
                    return null;
                }
                int len;
                try {
                    len = Integer.parseInt(s, p + 1, close, 10);
                } catch (NumberFormatException e) {
                    return null;
                }
                p = close + 1;
                if (len == 0) {
                    break;
                }
                if (p + len > s.length()) {
                    return null;
                }
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(s, p, p + len);
                p += len;
            }
            return b.toString().toLowerCase(java.util.Locale.ROOT);
        }
        String n = s.startsWith(".") ? s.substring(1) : s;
        String d = dnsName(n);
        return d == null ? "" : d;
    }

    private @Nullable Instant time(String prefix) {
        String[] t = prefix.strip().split("\\s+");
        if (t.length < 2) {
            return null;
        }
        String[] date = t[0].split("/");
        String[] clock = t[1].split(":");
        if (date.length != 3 || clock.length != 3) {
            return null;
        }
        try {
            int a = Integer.parseInt(date[0]);
            int b = Integer.parseInt(date[1]);
            int year = Integer.parseInt(date[2]);
            int hour = Integer.parseInt(clock[0]);
            boolean ampm = t.length > 2 && (t[2].equals("AM") || t[2].equals("PM"));
            int month = ampm && a <= 12 ? a : b;
            int day = month == a ? b : a;
            if (ampm) {
                hour = hour % 12 + (t[2].equals("PM") ? 12 : 0);
            }
            return LocalDateTime.of(year, month, day, hour, Integer.parseInt(clock[1]), Integer.parseInt(clock[2]))
                    .atZone(zone)
                    .toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
