package vn.khien.core.intel;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Normalises URLs so that the same resource written two ways compares equal: scheme and host in lower
 * case (host in punycode, trailing dot dropped), default port removed, empty path made {@code /}, fragment
 * dropped, percent-escapes of unreserved characters decoded and the remaining escapes in upper-case hex
 * (RFC 3986 section 6.2.2). A value without a scheme is read as {@code http://}.
 */
public final class Urls {
    private Urls() {}

    /** Returns the normalised URL, or {@code null} when {@code url} has no usable host. */
    public static @Nullable String normalize(String url) {
        String s = url.strip();
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        int schemeEnd = s.indexOf("://");
        String scheme;
        if (schemeEnd > 0 && isScheme(s, schemeEnd)) {
            scheme = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            s = s.substring(schemeEnd + 3);
        } else {
            scheme = "http";
        }
        int pathStart = firstOf(s, "/?");
        String authority = pathStart < 0 ? s : s.substring(0, pathStart);
        String rest = pathStart < 0 ? "" : s.substring(pathStart);
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
        String hostPort = authority.substring(at + 1);
        String host;
        String port = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = hostPort.substring(0, close + 1).toLowerCase(Locale.ROOT);
            String after = hostPort.substring(close + 1);
            if (after.startsWith(":")) {
                port = after.substring(1);
            } else if (!after.isEmpty()) {
                return null;
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            String h = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            port = colon >= 0 ? hostPort.substring(colon + 1) : "";
            String d = Domains.normalize(h);
            if (d == null) {
                if (IpSet.parseIpv4(h, 0, h.length()) == -1 && !"255.255.255.255".equals(h)) {
                    return null;
                }
                d = h;
            }
            host = d;
        }
        if (!port.isEmpty() && !port.chars().allMatch(Character::isDigit)) {
            return null;
        }
        if (port.equals(defaultPort(scheme))) {
            port = "";
        }
        if (rest.isEmpty() || rest.charAt(0) == '?') {
            rest = "/" + rest;
        }
        return scheme + "://" + normalizeEscapes(userInfo) + host + (port.isEmpty() ? "" : ":" + port)
                + normalizeEscapes(rest);
    }

    private static boolean isScheme(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean ok = Character.isLetter(c) || (i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.'));
            if (!ok || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> "80";
            case "https", "wss" -> "443";
            case "ftp" -> "21";
            default -> "";
        };
    }

    private static String normalizeEscapes(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                int v = hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2));
                if (isUnreserved(v)) {
                    b.append((char) v);
                } else {
                    b.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
