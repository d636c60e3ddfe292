package vn.khien.core.logs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The log formats a caller can parse, each with a parser factory and a line recogniser, and detection of
 * the format of an input from its first lines. Immutable; {@link #defaults()} holds every built-in parser
 * and {@link #with} adds or replaces one.
 *
 * <p>Detection counts, for each registered format, how many of the given non-blank, non-comment lines it
 * recognises, and picks the format with most (ties go to the earlier registration); a format that
 * recognises none is never picked.
 */
public final class LogFormats {
    /** A format's parser factory and the test that tells whether one line is in that format. */
    public record Registration(LogFormat format, Supplier<LogParser> parser, Predicate<String> recognises) {}

    private final Map<LogFormat, Registration> registrations;

    private LogFormats(Map<LogFormat, Registration> registrations) {
        this.registrations = registrations;
    }

    /**
     * The DNS-server parsers (BIND, dnsmasq, Unbound, Windows DNS) and, through {@link LogParsers}, the
     * Zeek, Suricata, Squid, iptables and CEF parsers.
     */
    public static LogFormats defaults() {
        return LogParsers.registerInto(new LogFormats(new EnumMap<>(LogFormat.class))
                .with(new Registration(LogFormat.BIND, BindQueryLogParser::new, BindQueryLogParser::looksLike))
                .with(new Registration(LogFormat.DNSMASQ, DnsmasqLogParser::new, DnsmasqLogParser::looksLike))
                .with(new Registration(LogFormat.UNBOUND, UnboundLogParser::new, UnboundLogParser::looksLike))
                .with(new Registration(
                        LogFormat.WINDOWS_DNS, WindowsDnsLogParser::new, WindowsDnsLogParser::looksLike)));
    }

    /** A copy with {@code registration} added, replacing any earlier one for the same format. */
    public LogFormats with(Registration registration) {
        Map<LogFormat, Registration> copy = new EnumMap<>(LogFormat.class);
        copy.putAll(registrations);
        copy.put(registration.format(), registration);
        return new LogFormats(copy);
    }

    /** Formats that have a parser here. */
    public List<LogFormat> formats() {
        return List.copyOf(registrations.keySet());
    }

    /** A parser for {@code format}, or empty when none is registered. */
    public Optional<LogParser> parser(LogFormat format) {
        Registration r = registrations.get(format);
        return r == null ? Optional.empty() : Optional.of(r.parser().get());
    }

    /** The format most of {@code firstLines} belong to, or empty when none is recognised. */
    public Optional<LogFormat> detect(List<String> firstLines) {
        LogFormat best = null;
        int bestCount = 0;
        for (Registration r : registrations.values()) {
            int count = 0;
            for (String line : firstLines) {
                if (!line.isBlank() && !line.startsWith("#") && r.recognises().test(line)) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = r.format();
                bestCount = count;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The format named on a command line: the enum name in any case with {@code -} for {@code _}
     * ({@code windows-dns}, {@code zeek-dns}); empty for an unknown name.
     */
    public static Optional<LogFormat> byName(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (LogFormat f : LogFormat.values()) {
            if (f.name().equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Command-line names of every {@link LogFormat}, e.g. {@code windows-dns}. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (LogFormat f : LogFormat.values()) {
            out.add(f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return out;
    }
}
