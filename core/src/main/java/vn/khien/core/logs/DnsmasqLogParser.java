package vn.khien.core.logs;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Parses dnsmasq logs written with {@code --log-queries} (plain or {@code =extra}, to a
 * {@code --log-facility} file or through syslog). A {@code query[A] name from client} line yields a
 * {@link LogEvent.Kind#DNS_QUERY} event; a {@code reply}, {@code cached} or {@code config} line whose answer
 * is an address yields a {@link LogEvent.Kind#DNS_ANSWER} event carrying that address as destination and no
 * domain (the query line already reported the name, so one lookup matches a domain indicator once). Other
 * dnsmasq messages (start-up, {@code forwarded}, DHCP) are accepted without events; lines that are not
 * dnsmasq messages are rejected.
 *
 * <pre>
 * Nov 22 04:31:08 dnsmasq[10926]: 2 127.0.0.1/33376 query[A] Update.C2-Panel.TEST from 127.0.0.1
 * Nov 22 04:31:08 dnsmasq[10926]: 2 127.0.0.1/33376 reply Update.C2-Panel.TEST is 198.51.100.9
 * </pre>
 */
public final class DnsmasqLogParser extends DnsLineParser {
    public DnsmasqLogParser() {
        this(DEFAULT_ZONE, Clock.systemUTC());
    }

    /** Reads syslog timestamps in {@code zone}; {@code clock} supplies the missing year. */
    public DnsmasqLogParser(ZoneId zone, Clock clock) {
        super(zone, clock);
    }

    @Override
    public LogFormat format() {
        return LogFormat.DNSMASQ;
    }

    /** Whether {@code line} looks like a dnsmasq log line (for format detection). */
    public static boolean looksLike(String line) {
        return messageStart(line) >= 0;
    }

    private static int messageStart(String line) {
        int d = line.indexOf("dnsmasq");
        if (d < 0) {
            return -1;
        }
        int p = d + 7;
        if (line.startsWith("-dhcp", p)) {
            p += 5;
        }
        if (line.startsWith("[", p)) {
            p = line.indexOf("]", p);
            if (p < 0) {
                return -1;
            }
            p++;
        }
        return line.startsWith(": ", p) ? p + 2 : -1;
    }

    @Override
    void parseLine(long lineNo, String line, Consumer<LogEvent> sink) throws Malformed {
        int m = messageStart(line);
        if (m < 0) {
            throw new Malformed("not a dnsmasq log line: no 'dnsmasq[pid]:' tag");
        }
        String msg = line.substring(m);
        // --log-queries=extra prefixes "<serial> <client>/<port> "
        String[] t = msg.split(" ");
        int i = 0;
        if (t.length > 2 && isDigits(t[0]) && t[1].indexOf('/') > 0) {
            i = 2;
        }
        if (i >= t.length) {
            throw new Malformed("dnsmasq line without a message");
        }
        String verb = t[i];
        if (verb.startsWith("query[")) {
            if (t.length < i + 4 || !"from".equals(t[i + 2])) {
                throw new Malformed("query line without 'name from client'");
            }
            String domain = dnsName(t[i + 1]);
            String client = t[i + 3];
            if (domain == null || !isIpLiteral(client)) {
                throw new Malformed("query line with a bad name or client: " + t[i + 1] + " from " + client);
            }
            sink.accept(new LogEvent(
                    lineNo, syslogTime(line), LogEvent.Kind.DNS_QUERY, client, domain, null, 0, null, null, line));
        } else if (verb.equals("reply") || verb.equals("cached") || verb.equals("config")) {
            if (t.length >= i + 4 && "is".equals(t[i + 2]) && isIpLiteral(t[i + 3])) {
                String client = i == 2 ? t[1].substring(0, t[1].indexOf('/')) : null;
                sink.accept(new LogEvent(
                        lineNo,
                        syslogTime(line),
                        LogEvent.Kind.DNS_ANSWER,
                        client,
                        null,
                        t[i + 3],
                        0,
                        null,
                        null,
                        line));
            }
        }
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
