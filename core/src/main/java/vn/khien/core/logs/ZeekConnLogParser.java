package vn.khien.core.logs;

import java.util.List;

/**
 * Parses Zeek {@code conn.log} (TSV or JSON): one {@link LogEvent.Kind#CONNECTION} per record from the
 * originator {@code id.orig_h} to the responder {@code id.resp_h}:{@code id.resp_p}.
 */
final class ZeekConnLogParser extends ZeekLogParser {
    @Override
    public LogFormat format() {
        return LogFormat.ZEEK_CONN;
    }

    static boolean looksLike(String line) {
        return line.startsWith("#path\tconn") || line.startsWith("{") && line.contains("\"conn_state\"");
    }

    @Override
    void events(Fields f, long lineNo, String raw, List<LogEvent> out) throws Malformed {
        out.add(new LogEvent(
                lineNo,
                f.time(),
                LogEvent.Kind.CONNECTION,
                required(f, "id.orig_h"),
                null,
                required(f, "id.resp_h"),
                LogValues.port(f.get("id.resp_p")),
                null,
                null,
                raw));
    }
}
