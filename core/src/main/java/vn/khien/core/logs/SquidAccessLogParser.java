package vn.khien.core.logs;

/**
 * Parses Squid's native {@code access.log} format
 * ({@code time elapsed client action/code size method URL ident hierarchy/peer type}) into one
 * {@link LogEvent.Kind#HTTP} per line: the client, the URL (for {@code CONNECT}, {@code host:port}), its
 * host as domain and port, and the peer address when the hierarchy field names one. Lines with fewer than
 * seven fields or a non-numeric time are rejected; {@code #} lines are comments.
 */
final class SquidAccessLogParser extends ByteLineParser {
    @Override
    public LogFormat format() {
        return LogFormat.SQUID;
    }

    static boolean looksLike(String line) {
        String[] f = line.trim().split("\\s+");
        return f.length >= 7 && LogValues.epoch(f[0]) != null && f[3].indexOf('/') > 0;
    }

    @Override
    Session session() {
        return (b, from, to, lineNo, out) -> {
            if (b[from] == '#') {
                return false;
            }
            String raw = text(b, from, to);
            String[] f = raw.trim().split("\\s+");
            if (f.length < 7) {
                throw new Malformed("expected at least 7 fields, found " + f.length);
            }
            var time = LogValues.epoch(f[0]);
            if (time == null) {
                throw new Malformed("time '" + f[0] + "' is not epoch seconds");
            }
            String method = f[5];
            String url = f[6];
            String host;
            int port;
            if (url.contains("://")) {
                int start = url.indexOf("://") + 3;
                int end = start;
                while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
                    end++;
                }
                String authority = url.substring(start, end);
                authority = authority.substring(authority.lastIndexOf('@') + 1);
                host = LogValues.host(authority);
                int colon = authority.lastIndexOf(':');
                port = colon > 0 && !authority.endsWith("]") ? LogValues.port(authority.substring(colon + 1)) : 0;
                if (port == 0) {
                    port = url.startsWith("https") ? 443 : url.startsWith("http") ? 80 : 0;
                }
            } else if (method.equals("CONNECT")) {
                host = LogValues.host(url);
                int colon = url.lastIndexOf(':');
                port = colon > 0 ? LogValues.port(url.substring(colon + 1)) : 443;
            } else {
                host = null;
                port = 0;
            }
            String peer = null;
            if (f.length > 8) {
                int slash = f[8].indexOf('/');
                String p = slash >= 0 ? f[8].substring(slash + 1) : "";
                if (!p.isEmpty()
                        && !p.equals("-")
                        && (p.indexOf(':') >= 0 || Character.isDigit(p.charAt(0)))
                        && p.chars().allMatch(c -> c == '.' || c == ':' || Character.digit(c, 16) >= 0)) {
                    peer = p;
                }
            }
            out.add(new LogEvent(
                    lineNo,
                    time,
                    LogEvent.Kind.HTTP,
                    f[2],
                    host,
                    peer,
                    port,
                    url.contains("://") ? url : null,
                    null,
                    raw));
            return true;
        };
    }
}
