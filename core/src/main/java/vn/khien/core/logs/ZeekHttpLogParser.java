package vn.khien.core.logs;

import java.util.List;

/**
 * Parses Zeek {@code http.log} (TSV or JSON): one {@link LogEvent.Kind#HTTP} per record with the
 * {@code host} header as domain and {@code http://host[:port]uri} as URL (the {@code uri} itself when it is
 * already absolute, as for proxy requests).
 */
final class ZeekHttpLogParser extends ZeekLogParser {
    @Override
    public LogFormat format() {
        return LogFormat.ZEEK_HTTP;
    }

    static boolean looksLike(String line) {
        return line.startsWith("#path\thttp") || line.startsWith("{") && line.contains("\"trans_depth\"");
    }

    @Override
    void events(Fields f, long lineNo, String raw, List<LogEvent> out) throws Malformed {
        String client = required(f, "id.orig_h");
        String server = required(f, "id.resp_h");
        int port = LogValues.port(f.get("id.resp_p"));
        String hostHeader = f.get("host");
        String host = LogValues.host(hostHeader);
        String uri = f.get("uri");
        String url = null;
        if (uri != null && uri.contains("://")) {
            url = uri;
        } else if (host != null) {
            String authority = hostHeader != null && hostHeader.indexOf(':') > 0 || port == 80 || port == 0
                    ? hostHeader.trim().toLowerCase(java.util.Locale.ROOT)
                    : host + ":" + port;
            url = "http://" + authority + (uri == null ? "/" : uri);
        }
        out.add(new LogEvent(lineNo, f.time(), LogEvent.Kind.HTTP, client, host, server, port, url, null, raw));
    }
}
