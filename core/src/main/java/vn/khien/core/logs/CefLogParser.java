package vn.khien.core.logs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses ArcSight Common Event Format lines ({@code CEF:0|vendor|product|version|id|name|severity|ext}),
 * with or without a syslog prefix before {@code CEF:}, into one event per line. Header fields honour the
 * {@code \|} and {@code \\} escapes; extension values end where the next {@code key=} begins and honour
 * {@code \=}, {@code \\}, {@code \n} and {@code \r}. Extension keys used (short or long names):
 * {@code src}/{@code sourceAddress}, {@code dst}/{@code destinationAddress}, {@code dhost}/
 * {@code destinationHostName}, {@code dpt}/{@code destinationPort}, {@code request}/{@code requestUrl},
 * {@code fileHash}, {@code rt}/{@code receiptTime} (epoch milliseconds or {@code MMM dd yyyy HH:mm:ss}, UTC).
 * The kind is {@link LogEvent.Kind#HTTP} when a URL is present, {@link LogEvent.Kind#FILE} when only a hash
 * is, else {@link LogEvent.Kind#FIREWALL}. Lines without {@code CEF:} or with fewer than seven header
 * fields are rejected; text in the extension that is not {@code key=value} is ignored, as ArcSight does.
 */
final class CefLogParser extends ByteLineParser {
    private static final DateTimeFormatter RT = DateTimeFormatter.ofPattern("MMM dd yyyy HH:mm:ss", Locale.ENGLISH);

    @Override
    public LogFormat format() {
        return LogFormat.CEF;
    }

    static boolean looksLike(String line) {
        return line.contains("CEF:") && line.indexOf('|', line.indexOf("CEF:")) > 0;
    }

    @Override
    Session session() {
        return (b, from, to, lineNo, out) -> {
            if (b[from] == '#') {
                return false;
            }
            String raw = text(b, from, to);
            int cef = raw.indexOf("CEF:");
            if (cef < 0) {
                throw new Malformed("no CEF: header");
            }
            int i = cef;
            int pipes = 0;
            while (i < raw.length() && pipes < 7) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length()) {
                    i += 2;
                    continue;
                }
                if (c == '|') {
                    pipes++;
                }
                i++;
            }
            if (pipes < 7) {
                throw new Malformed("CEF header has " + (pipes + 1) + " of 8 fields");
            }
            Map<String, String> ext = extension(raw.substring(i));
            String src = first(ext, "src", "sourceAddress", "c6a2");
            String dst = first(ext, "dst", "destinationAddress", "c6a3");
            String host = LogValues.host(first(ext, "dhost", "destinationHostName"));
            String url = first(ext, "request", "requestUrl");
            if (url != null && url.length() > 1 && url.startsWith("'") && url.endsWith("'")) {
                url = url.substring(1, url.length() - 1);
            }
            if (host == null && url != null && url.contains("://")) {
                int start = url.indexOf("://") + 3;
                int end = start;
                while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
                    end++;
                }
                host = LogValues.host(url.substring(start, end));
            }
            String hash = first(ext, "fileHash");
            int port = LogValues.port(first(ext, "dpt", "destinationPort"));
            LogEvent.Kind kind =
                    url != null ? LogEvent.Kind.HTTP : hash != null ? LogEvent.Kind.FILE : LogEvent.Kind.FIREWALL;
            out.add(new LogEvent(
                    lineNo,
                    time(first(ext, "rt", "receiptTime")),
                    kind,
                    src,
                    host,
                    dst,
                    port,
                    url,
                    hash == null ? null : hash.toLowerCase(Locale.ROOT),
                    raw));
            return true;
        };
    }

    /** Splits {@code key=value key2=value two} into keys and unescaped values. */
    static Map<String, String> extension(String ext) {
        Map<String, String> out = new HashMap<>();
        String key = null;
        StringBuilder value = new StringBuilder();
        int i = 0;
        int n = ext.length();
        while (i < n) {
            int keyEnd = keyAt(ext, i);
            if (keyEnd > 0 && (i == 0 || ext.charAt(i - 1) == ' ')) {
                if (key != null) {
                    out.put(key, value.toString().trim());
                }
                key = ext.substring(i, keyEnd);
                value.setLength(0);
                i = keyEnd + 1;
                continue;
            }
            char c = ext.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = ext.charAt(i + 1);
                value.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e);
                i += 2;
                continue;
            }
            value.append(c);
            i++;
        }
        if (key != null) {
            out.put(key, value.toString().trim());
        }
        return out;
    }

    /** End index of a {@code key} followed by an unescaped {@code =} starting at {@code i}, or -1. */
    private static int keyAt(String s, int i) {
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '[' || c == ']' || c == '-' || c == ',') {
                j++;
            } else {
                break;
            }
        }
        return j > i && j < s.length() && s.charAt(j) == '=' ? j : -1;
    }

    private static @Nullable String first(Map<String, String> m, String... keys) {
        for (String k : keys) {
            String v = m.get(k);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    private static @Nullable Instant time(@Nullable String rt) {
        if (rt == null) {
            return null;
        }
        if (LogValues.digits(rt) && rt.length() >= 10 && rt.length() <= 13) {
            long v = Long.parseLong(rt);
            return rt.length() == 13 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        }
        try {
            return LocalDateTime.parse(rt, RT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return LogValues.iso(rt);
        }
    }
}
