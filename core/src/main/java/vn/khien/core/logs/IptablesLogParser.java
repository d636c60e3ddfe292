package vn.khien.core.logs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Parses Linux netfilter {@code LOG} target lines (kernel log via syslog, any prefix such as
 * {@code [UFW BLOCK]}, {@code SFW2-…}, {@code Shorewall:…}) into one {@link LogEvent.Kind#FIREWALL} per
 * line with {@code SRC}, {@code DST} and {@code DPT} (0 for ICMP); IPv4 and IPv6 alike. The time comes
 * from an RFC 3339 syslog stamp when the line starts with one; a classic {@code Mmm dd HH:mm:ss} stamp has
 * no year, so the time is left empty rather than guessed (the receiving side knows when it arrived).
 * Lines without {@code SRC=} and {@code DST=} are rejected.
 */
final class IptablesLogParser extends ByteLineParser {
    @Override
    public LogFormat format() {
        return LogFormat.IPTABLES;
    }

    static boolean looksLike(String line) {
        return line.contains(" SRC=") && line.contains(" DST=") && line.contains("PROTO=");
    }

    @Override
    Session session() {
        return (b, from, to, lineNo, out) -> {
            if (b[from] == '#') {
                return false;
            }
            String raw = text(b, from, to);
            String src = field(raw, "SRC=");
            String dst = field(raw, "DST=");
            if (src == null || dst == null) {
                throw new Malformed("not a netfilter LOG line: no SRC= and DST=");
            }
            int port = LogValues.port(field(raw, "DPT="));
            out.add(new LogEvent(lineNo, time(raw), LogEvent.Kind.FIREWALL, src, null, dst, port, null, null, raw));
            return true;
        };
    }

    /** The value of {@code KEY=} as a whole word (so {@code SRC=} does not match inside another key). */
    static @Nullable String field(String line, String key) {
        int i = -1;
        while ((i = line.indexOf(key, i + 1)) >= 0) {
            if (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == ':' || line.charAt(i - 1) == ']') {
                int start = i + key.length();
                int end = line.indexOf(' ', start);
                String v = line.substring(start, end < 0 ? line.length() : end);
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    private static @Nullable Instant time(String line) {
        int sp = line.indexOf(' ');
        return sp >= 20 && Character.isDigit(line.charAt(0)) ? LogValues.iso(line.substring(0, sp)) : null;
    }
}
