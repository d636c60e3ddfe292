package vn.khien.core.logs;

/**
 * Factories of the flow, proxy, IDS and firewall parsers (Zeek, Suricata, Squid, iptables, CEF), whose
 * classes stay package-private; {@link LogFormats#defaults()} registers them for format lookup and
 * detection.
 */
public final class LogParsers {
    private LogParsers() {}

    /** The registrations of every format this class builds, to add to a {@link LogFormats}. */
    public static LogFormats registerInto(LogFormats formats) {
        return formats.with(new LogFormats.Registration(
                        LogFormat.SURICATA, SuricataEveParser::new, SuricataEveParser::looksLike))
                .with(new LogFormats.Registration(
                        LogFormat.ZEEK_DNS, ZeekDnsLogParser::new, ZeekDnsLogParser::looksLike))
                .with(new LogFormats.Registration(
                        LogFormat.ZEEK_CONN, ZeekConnLogParser::new, ZeekConnLogParser::looksLike))
                .with(new LogFormats.Registration(
                        LogFormat.ZEEK_HTTP, ZeekHttpLogParser::new, ZeekHttpLogParser::looksLike))
                .with(new LogFormats.Registration(
                        LogFormat.SQUID, SquidAccessLogParser::new, SquidAccessLogParser::looksLike))
                .with(new LogFormats.Registration(
                        LogFormat.IPTABLES, IptablesLogParser::new, IptablesLogParser::looksLike))
                .with(new LogFormats.Registration(LogFormat.CEF, CefLogParser::new, CefLogParser::looksLike));
    }

    /** A parser for one of the formats above; throws for the DNS-server formats, which {@link LogFormats} has. */
    public static LogParser forFormat(LogFormat format) {
        return switch (format) {
            case SURICATA -> new SuricataEveParser();
            case ZEEK_DNS -> new ZeekDnsLogParser();
            case ZEEK_CONN -> new ZeekConnLogParser();
            case ZEEK_HTTP -> new ZeekHttpLogParser();
            case SQUID -> new SquidAccessLogParser();
            case IPTABLES -> new IptablesLogParser();
            case CEF -> new CefLogParser();
            default ->
                LogFormats.defaults()
                        .parser(format)
                        .orElseThrow(() -> new IllegalArgumentException("no parser for " + format));
        };
    }
}
