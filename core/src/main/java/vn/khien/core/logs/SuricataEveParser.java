package vn.khien.core.logs;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses Suricata {@code eve.json} (JSON lines) into events: {@code dns} (v1, v2 and v3 layouts, see
 * {@link EveDns}), {@code http} ({@link LogEvent.Kind#HTTP} with host and URL), {@code tls}
 * ({@link LogEvent.Kind#TLS} with the SNI as domain), {@code flow} and {@code netflow}
 * ({@link LogEvent.Kind#CONNECTION}), {@code alert} ({@link LogEvent.Kind#ALERT} with the host, SNI or DNS
 * name and URL the alert carries) and {@code fileinfo} (one {@link LogEvent.Kind#FILE} per MD5, SHA-1 and
 * SHA-256 Suricata logged, reported for the client: a download logged from a server port below 1024 to a
 * client port above it has source and destination swapped). Other event types ({@code stats}, {@code ssh}, {@code anomaly} …) are accepted
 * and yield nothing. Lines that are not JSON objects or have no {@code event_type} are rejected.
 *
 * <p>Implementation notes: DNS lines, usually most of a sensor's output, go through {@link EveDnsScanner}
 * first; whatever it declines is parsed by Jackson into a tree. Both fill the same {@link EveDns}, so the
 * events are identical either way. Suricata's {@code \/} escapes are decoded by both.
 */
final class SuricataEveParser extends ByteLineParser {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Override
    public LogFormat format() {
        return LogFormat.SURICATA;
    }

    static boolean looksLike(String line) {
        return line.startsWith("{") && line.contains("\"event_type\"") && line.contains("\"timestamp\"");
    }

    @Override
    Session session() {
        return new EveSession();
    }

    /**
     * DNS lines through the scanner in one pass ({@link #lineAt}); the lines it declines are split and go to
     * {@link #line}, which skips the scanner when it has just declined that very line.
     */
    private final class EveSession implements Session {
        private final EveDnsScanner scanner = new EveDnsScanner();
        private final EveDns dns = new EveDns();
        private byte @Nullable [] declinedBuf;
        private int declinedAt = -1;
        private int declinedLimit;

        @Override
        public int lineAt(byte[] b, int from, int limit, long lineNo, List<LogEvent> out) {
            int lf = scanner.scanLine(b, from, limit, dns);
            if (lf < 0) {
                declinedBuf = b;
                declinedAt = from;
                declinedLimit = limit;
                return -1;
            }
            int to = lf > from && b[lf - 1] == '\r' ? lf - 1 : lf;
            dns.emit(lineNo, text(b, from, to), out);
            return lf;
        }

        @Override
        public boolean line(byte[] b, int from, int to, long lineNo, List<LogEvent> out) throws Malformed {
            // the scanner's answer on a line it saw whole, up to its LF, is the same split or not; a line that
            // ran past what was read then (or ends the input without an LF) is scanned again
            boolean declined = b == declinedBuf && from == declinedAt && to < declinedLimit;
            declinedBuf = null;
            if (!declined && scanner.scan(b, from, to, dns)) {
                dns.emit(lineNo, text(b, from, to), out);
                return true;
            }
            String raw = text(b, from, to);
            JsonNode root;
            try {
                root = JSON.readTree(b, from, to - from);
            } catch (JacksonException e) {
                throw new Malformed("invalid JSON: " + e.getOriginalMessage());
            }
            if (!root.isObject()) {
                throw new Malformed("not a JSON object");
            }
            String type = text(root.get("event_type"));
            if (type == null) {
                throw new Malformed("no event_type");
            }
            event(root, type, lineNo, raw, dns, out);
            return true;
        }
        ;
    }

    private static void event(JsonNode root, String type, long lineNo, String raw, EveDns dns, List<LogEvent> out) {
        String ts = text(root.get("timestamp"));
        Instant time = ts == null ? null : EveTime.parse(ts);
        String src = text(root.get("src_ip"));
        String dst = text(root.get("dest_ip"));
        int port = LogValues.port(text(root.get("dest_port")));
        JsonNode http = root.path("http");
        String httpHost = LogValues.host(text(http.get("hostname")));
        switch (type) {
            case "dns" -> {
                dns.clear();
                dns.time = time;
                dns.srcIp = src;
                dns.destIp = dst;
                dns.destPort = port;
                fill(root.path("dns"), dns);
                dns.emit(lineNo, raw, out);
            }
            case "http" ->
                out.add(new LogEvent(
                        lineNo,
                        time,
                        LogEvent.Kind.HTTP,
                        src,
                        httpHost,
                        dst,
                        port,
                        url(http, httpHost, port),
                        null,
                        raw));
            case "tls" ->
                out.add(new LogEvent(
                        lineNo,
                        time,
                        LogEvent.Kind.TLS,
                        src,
                        LogValues.host(text(root.path("tls").get("sni"))),
                        dst,
                        port,
                        null,
                        null,
                        raw));
            case "flow", "netflow" ->
                out.add(new LogEvent(lineNo, time, LogEvent.Kind.CONNECTION, src, null, dst, port, null, null, raw));
            case "alert" -> {
                String domain = httpHost;
                if (domain == null) {
                    domain = LogValues.host(text(root.path("tls").get("sni")));
                }
                if (domain == null) {
                    JsonNode d = root.path("dns");
                    String q = text(d.get("rrname"));
                    if (q == null) {
                        q = text(d.path("query").path(0).get("rrname"));
                    }
                    if (q == null) {
                        q = text(d.path("queries").path(0).get("rrname"));
                    }
                    domain = EveDns.domain(q);
                }
                out.add(new LogEvent(
                        lineNo,
                        time,
                        LogEvent.Kind.ALERT,
                        src,
                        domain,
                        dst,
                        port,
                        url(http, httpHost, port),
                        null,
                        raw));
            }
            case "fileinfo" -> {
                JsonNode f = root.path("fileinfo");
                String client = src;
                String server = dst;
                int serverPort = port;
                int srcPort = LogValues.port(text(root.get("src_port")));
                if (srcPort > 0 && srcPort < 1024 && port >= 1024) {
                    // a download is logged from the server's side (src = server); the machine to report is the client
                    client = dst;
                    server = src;
                    serverPort = srcPort;
                }
                for (String hash : List.of("sha256", "sha1", "md5")) {
                    String h = text(f.get(hash));
                    if (h != null && !h.isEmpty()) {
                        out.add(new LogEvent(
                                lineNo,
                                time,
                                LogEvent.Kind.FILE,
                                client,
                                httpHost,
                                server,
                                serverPort,
                                url(http, httpHost, serverPort),
                                h.toLowerCase(java.util.Locale.ROOT),
                                raw));
                    }
                }
            }
            default -> {
                // stats, ssh, anomaly, smb …: well-formed, nothing to match
            }
        }
    }

    private static void fill(JsonNode d, EveDns dns) {
        dns.type = text(d.get("type"));
        dns.rrname = text(d.get("rrname"));
        dns.rrtype = text(d.get("rrtype"));
        JsonNode rdata = d.get("rdata");
        dns.rdata = rdata != null && rdata.isString() ? rdata.stringValue() : null;
        for (JsonNode q : d.path("queries").values()) {
            String name = text(q.get("rrname"));
            if (name != null) {
                dns.queries.add(name);
            }
        }
        for (JsonNode a : d.path("answers").values()) {
            if (!a.isObject()) {
                continue;
            }
            JsonNode data = a.get("rdata");
            dns.answers.add(text(a.get("rrname")));
            dns.answers.add(text(a.get("rrtype")));
            dns.answers.add(data != null && data.isString() ? data.stringValue() : null);
        }
        JsonNode grouped = d.path("grouped");
        if (grouped.isObject()) {
            for (var e : grouped.properties()) {
                for (JsonNode v : e.getValue().values()) {
                    if (v.isString()) {
                        dns.grouped.add(e.getKey());
                        dns.grouped.add(v.stringValue());
                    }
                }
            }
        }
    }

    private static @Nullable String url(JsonNode http, @Nullable String host, int destPort) {
        String path = text(http.get("url"));
        if (path == null) {
            return null;
        }
        if (path.contains("://")) {
            return path;
        }
        if (host == null) {
            return null;
        }
        int port = LogValues.port(text(http.get("http_port")));
        if (port == 0) {
            port = destPort;
        }
        String authority = port == 0 || port == 80 || host.indexOf(':') >= 0 ? host : host + ":" + port;
        return "http://" + authority + (path.startsWith("/") ? path : "/" + path);
    }

    private static @Nullable String text(@Nullable JsonNode n) {
        if (n == null || n.isNull() || n.isContainer() || n.isMissingNode()) {
            return null;
        }
        return n.isString() ? n.stringValue() : n.asString();
    }
}
