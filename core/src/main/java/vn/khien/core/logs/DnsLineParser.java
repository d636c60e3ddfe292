package vn.khien.core.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import vn.khien.core.ingest.ImportReport;

/**
 * Shared line loop of the DNS-server log parsers: reads UTF-8 lines (malformed bytes replaced), skips
 * blank and {@code #} lines, and turns each remaining line into zero or more events or one rejection.
 * Times written without a zone are read in the configured zone; syslog times without a year get the most
 * recent year that does not put them more than a day in the future of the clock.
 */
abstract class DnsLineParser implements LogParser {
    /** Zone of a province's servers when the caller names none. */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    protected final ZoneId zone;
    protected final Clock clock;

    DnsLineParser(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    /** Thrown by {@link #parseLine} to reject a line; carries the reason shown to the user. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Hands the events of {@code line} to {@code sink}, or throws {@link Malformed} to reject it. */
    abstract void parseLine(long lineNo, String line, Consumer<LogEvent> sink) throws Malformed;

    @Override
    public final ImportReport parse(InputStream in, Consumer<LogEvent> sink) throws IOException {
        ImportReport.Builder report = ImportReport.builder();
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
            long lineNo = 0;
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.charAt(0) == '#') {
                    continue;
                }
                report.read();
                try {
                    parseLine(lineNo, line, sink);
                    report.accept();
                } catch (Malformed e) {
                    report.reject(lineNo, e.getMessage());
                }
            }
        }
        return report.build();
    }

    /** Lower-case name without its trailing dot, or null when nothing is left. */
    static @Nullable String dnsName(String raw) {
        String n = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        return n.isEmpty() ? null : n.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code s} looks like an IPv4 or IPv6 literal (digits, hex, dots, colons). */
    static boolean isIpLiteral(String s) {
        if (s.isEmpty()) {
            return false;
        }
        boolean colon = s.indexOf(':') >= 0;
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!(Character.isDigit(c) || (colon && (c == ':' || Character.digit(c, 16) >= 0)))) {
                return false;
            }
        }
        return colon || dots == 3;
    }

    /** Month number 1–12 of an English three-letter abbreviation, or 0. */
    static int month(String s, int from) {
        if (s.length() < from + 3) {
            return 0;
        }
        int i = MONTHS.indexOf(s.substring(from, from + 3).toLowerCase(Locale.ROOT));
        return i >= 0 && i % 3 == 0 ? i / 3 + 1 : 0;
    }

    /** Parses a syslog {@code Mmm dd HH:mm:ss} prefix, or returns null. */
    java.time.@Nullable Instant syslogTime(String line) {
        if (line.length() < 15 || line.charAt(3) != ' ' || line.charAt(9) != ':' || line.charAt(12) != ':') {
            return null;
        }
        int m = month(line, 0);
        if (m == 0) {
            return null;
        }
        try {
            int day = Integer.parseInt(line.substring(4, 6).strip());
            int h = Integer.parseInt(line.substring(7, 9));
            int min = Integer.parseInt(line.substring(10, 12));
            int sec = Integer.parseInt(line.substring(13, 15));
            ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
            ZonedDateTime t = LocalDateTime.of(now.getYear(), Month.of(m), day, h, min, sec)
                    .atZone(zone);
            if (t.isAfter(now.plusDays(1))) {
                t = t.minusYears(1);
            }
            return t.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
