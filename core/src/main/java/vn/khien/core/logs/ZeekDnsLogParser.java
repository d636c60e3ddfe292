package vn.khien.core.logs;

import java.util.List;

/**
 * Parses Zeek {@code dns.log} (TSV or JSON): one {@link LogEvent.Kind#DNS_QUERY} per record (client
 * {@code id.orig_h}, resolver {@code id.resp_h}:{@code id.resp_p}, {@code query}), then one
 * {@link LogEvent.Kind#DNS_ANSWER} per answer: an address answer carries the queried name and the address,
 * a name answer (CNAME target) carries that name. Records without {@code query} (Zeek logs some
 * non-query transactions so) yield no events but are accepted.
 */
final class ZeekDnsLogParser extends ZeekLogParser {
    @Override
    public LogFormat format() {
        return LogFormat.ZEEK_DNS;
    }

    static boolean looksLike(String line) {
        return line.startsWith("#path\tdns")
                || line.startsWith("{") && line.contains("\"query\"") && line.contains("\"id.orig_h\"");
    }

    @Override
    void events(Fields f, long lineNo, String raw, List<LogEvent> out) throws Malformed {
        String client = required(f, "id.orig_h");
        String server = f.get("id.resp_h");
        int port = LogValues.port(f.get("id.resp_p"));
        String query = LogValues.host(f.get("query"));
        if (query == null) {
            return;
        }
        var time = f.time();
        out.add(new LogEvent(lineNo, time, LogEvent.Kind.DNS_QUERY, client, query, server, port, null, null, raw));
        for (String answer : f.list("answers")) {
            if (answer.isEmpty()) {
                continue;
            }
            boolean ip = answer.indexOf(':') >= 0 || answer.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
            if (ip) {
                out.add(new LogEvent(
                        lineNo, time, LogEvent.Kind.DNS_ANSWER, client, query, answer, 0, null, null, raw));
            } else if (answer.indexOf(' ') < 0) {
                out.add(new LogEvent(
                        lineNo,
                        time,
                        LogEvent.Kind.DNS_ANSWER,
                        client,
                        LogValues.host(answer),
                        null,
                        0,
                        null,
                        null,
                        raw));
            }
        }
    }
}
