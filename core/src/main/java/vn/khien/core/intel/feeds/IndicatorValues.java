package vn.khien.core.intel.feeds;

import java.net.IDN;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.khien.core.intel.IndicatorType;

/**
 * Recognises and normalises raw indicator values the way every importer needs them: type inference for
 * untyped lists, canonical forms (lower-case punycode domains without trailing dot, RFC 5952 IPv6, CIDR
 * reduced to its network address, lower-case hex hashes, URLs with lower-case scheme and host) and
 * refanging of the defanged spellings feeds use ({@code hxxp://evil[.]com}).
 *
 * <p>Implementation notes: IP literals are parsed by hand so that no value ever triggers a DNS lookup;
 * every method is pure and thread-safe.
 */
final class IndicatorValues {
    private static final int SHOWN = 100;

    private IndicatorValues() {}

    /** A value with the type it was recognised as. */
    record Typed(IndicatorType type, String value) {}

    /** Infers the type of {@code raw} and normalises it, or throws with a message naming the value. */
    static Typed infer(String raw) {
        String v = refang(raw.trim());
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty value");
        }
        if (v.contains("://")) {
            return new Typed(IndicatorType.URL, url(v));
        }
        if (v.indexOf('@') > 0 && v.indexOf('/') < 0) {
            return new Typed(IndicatorType.EMAIL, email(v));
        }
        int slash = v.indexOf('/');
        if (slash > 0) {
            String head = v.substring(0, slash);
            if (ipv4(head) != null || (head.indexOf(':') >= 0 && ipv6(head) != null)) {
                return new Typed(IndicatorType.CIDR, cidr(v));
            }
            return new Typed(IndicatorType.URL, url("http://" + v));
        }
        Typed ip = ipOrNull(v);
        if (ip != null) {
            return ip;
        }
        IndicatorType hash = hashType(v);
        if (hash != null) {
            return new Typed(hash, v.toLowerCase(Locale.ROOT));
        }
        String domain = domainOrNull(v);
        if (domain != null) {
            return new Typed(IndicatorType.DOMAIN, domain);
        }
        throw new IllegalArgumentException("cannot tell what kind of indicator '" + shown(raw) + "' is");
    }

    /** Normalises {@code raw} as the given type, or throws with a message naming the value. */
    static Typed as(IndicatorType type, String raw) {
        String v = refang(raw.trim());
        return switch (type) {
            case IPV4, IPV6, CIDR -> anyIp(v);
            case DOMAIN -> new Typed(IndicatorType.DOMAIN, domain(v));
            case URL -> new Typed(IndicatorType.URL, url(v.contains("://") ? v : "http://" + v));
            case EMAIL -> new Typed(IndicatorType.EMAIL, email(v));
            case MD5, SHA1, SHA256 -> {
                IndicatorType actual = hashType(v);
                if (actual != type) {
                    throw new IllegalArgumentException(
                            "'" + shown(raw) + "' is not a " + type.name().toLowerCase(Locale.ROOT) + " hash");
                }
                yield new Typed(type, v.toLowerCase(Locale.ROOT));
            }
        };
    }

    /** Normalises an IPv4/IPv6 address or CIDR network, dropping a {@code :port} suffix on IPv4. */
    static Typed anyIp(String raw) {
        String v = raw.trim();
        if (v.indexOf('/') > 0) {
            return new Typed(IndicatorType.CIDR, cidr(v));
        }
        Typed ip = ipOrNull(v);
        if (ip == null) {
            throw new IllegalArgumentException("'" + shown(raw) + "' is not an IP address");
        }
        return ip;
    }

    static String domain(String raw) {
        String d = domainOrNull(refang(raw.trim()));
        if (d == null) {
            throw new IllegalArgumentException("'" + shown(raw) + "' is not a domain name");
        }
        return d;
    }

    static String shown(String raw) {
        String s = raw.length() > SHOWN ? raw.substring(0, SHOWN) + "…" : raw;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }

    static String refang(String v) {
        if (v.indexOf('[') < 0 && v.indexOf('(') < 0 && !v.regionMatches(true, 0, "hxxp", 0, 4)) {
            return v;
        }
        String r =
                v.replace("[.]", ".").replace("(.)", ".").replace("[dot]", ".").replace("[:]", ":");
        if (r.regionMatches(true, 0, "hxxp", 0, 4)) {
            r = "http" + r.substring(4);
        }
        return r;
    }

    static @Nullable IndicatorType hashType(String v) {
        IndicatorType t =
                switch (v.length()) {
                    case 32 -> IndicatorType.MD5;
                    case 40 -> IndicatorType.SHA1;
                    case 64 -> IndicatorType.SHA256;
                    default -> null;
                };
        if (t == null) {
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.digit(v.charAt(i), 16) < 0) {
                return null;
            }
        }
        return t;
    }

    private static @Nullable Typed ipOrNull(String v) {
        byte[] a4 = ipv4(v);
        if (a4 != null) {
            return new Typed(IndicatorType.IPV4, format(a4));
        }
        int colon = v.indexOf(':');
        if (colon > 0 && v.indexOf(':', colon + 1) < 0) {
            // IPv4 with a port, as C2 lists write them (45.95.146.20:1337)
            byte[] withPort = ipv4(v.substring(0, colon));
            if (withPort != null && isPort(v.substring(colon + 1))) {
                return new Typed(IndicatorType.IPV4, format(withPort));
            }
            return null;
        }
        String bare = v.startsWith("[") && v.endsWith("]") ? v.substring(1, v.length() - 1) : v;
        byte[] a6 = colon >= 0 ? ipv6(bare) : null;
        if (a6 == null) {
            return null;
        }
        return a6.length == 4 ? new Typed(IndicatorType.IPV4, format(a6)) : new Typed(IndicatorType.IPV6, format(a6));
    }

    private static boolean isPort(String s) {
        if (s.isEmpty() || s.length() > 5) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return Integer.parseInt(s) <= 65535;
    }

    static String cidr(String v) {
        int slash = v.indexOf('/');
        String addr = v.substring(0, slash);
        String len = v.substring(slash + 1);
        byte[] a = ipv4(addr);
        if (a == null) {
            a = ipv6(addr);
            if (a != null && a.length == 4) {
                throw new IllegalArgumentException("'" + shown(v) + "': write IPv4 networks in dotted form");
            }
        }
        if (a == null) {
            throw new IllegalArgumentException("'" + shown(v) + "' is not a CIDR network");
        }
        int bits = a.length * 8;
        int prefix;
        try {
            prefix = Integer.parseInt(len);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + shown(v) + "' has no numeric prefix length");
        }
        if (prefix < 0 || prefix > bits || len.startsWith("+") || len.startsWith("-")) {
            throw new IllegalArgumentException("'" + shown(v) + "': prefix length must be 0.." + bits);
        }
        // a feed that writes 10.1.2.3/8 means the network 10.0.0.0/8
        for (int i = 0; i < a.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            a[i] = (byte) (a[i] & (0xff00 >> keep));
        }
        return format(a) + "/" + prefix;
    }

    /** Parses strict dotted-quad IPv4 (no leading zeros, which some stacks read as octal). */
    static byte @Nullable [] ipv4(String s) {
        int n = s.length();
        if (n < 7 || n > 15) {
            return null;
        }
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (digits == 1 && value == 0) {
                    return null;
                }
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) {
                    return null;
                }
            } else if (c == '.') {
                if (digits == 0 || part == 4) {
                    return null;
                }
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    /**
     * Parses an IPv6 literal (with optional embedded IPv4 tail); an IPv4-mapped address comes back as its
     * 4-byte IPv4 form.
     */
    static byte @Nullable [] ipv6(String s) {
        if (s.length() < 2 || s.length() > 45) {
            return null;
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = 0;
        int n = s.length();
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
            if (n == 2) {
                return new byte[16];
            }
        } else if (s.charAt(0) == ':') {
            return null;
        }
        while (i < n) {
            int start = i;
            int value = 0;
            while (i < n && Character.digit(s.charAt(i), 16) >= 0 && i - start < 5) {
                value = value * 16 + Character.digit(s.charAt(i), 16);
                i++;
            }
            if (i < n && s.charAt(i) == '.') {
                // embedded IPv4 in the last 32 bits
                byte[] v4 = ipv4(s.substring(start));
                if (v4 == null || count > 6) {
                    return null;
                }
                groups[count++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                groups[count++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
                i = n;
                break;
            }
            int len = i - start;
            if (len == 0 || len > 4 || count == 8) {
                return null;
            }
            groups[count++] = value;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < n && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                i++;
                if (i == n) {
                    break;
                }
            } else if (i == n) {
                return null;
            }
        }
        if (gap < 0 && count != 8 || gap >= 0 && count > 7) {
            return null;
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = groups;
        } else {
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        boolean mapped =
                full[0] == 0 && full[1] == 0 && full[2] == 0 && full[3] == 0 && full[4] == 0 && full[5] == 0xffff;
        if (mapped) {
            return new byte[] {(byte) (full[6] >> 8), (byte) full[6], (byte) (full[7] >> 8), (byte) full[7]};
        }
        byte[] out = new byte[16];
        for (int g = 0; g < 8; g++) {
            out[2 * g] = (byte) (full[g] >> 8);
            out[2 * g + 1] = (byte) full[g];
        }
        return out;
    }

    /** Formats 4 bytes as dotted quad and 16 bytes in RFC 5952 form. */
    static String format(byte[] a) {
        if (a.length == 4) {
            return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder b = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }

    static @Nullable String domainOrNull(String raw) {
        String v = raw;
        if (v.endsWith(".")) {
            v = v.substring(0, v.length() - 1);
        }
        if (v.startsWith("*.")) {
            // wildcard entries mean the domain and everything below it, which parent matching already does
            v = v.substring(2);
        }
        if (v.isEmpty() || v.length() > 253) {
            return null;
        }
        boolean ascii = true;
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) > 127) {
                ascii = false;
                break;
            }
        }
        if (!ascii) {
            try {
                v = IDN.toASCII(v, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        v = v.toLowerCase(Locale.ROOT);
        int labels = 0;
        int start = 0;
        boolean lastAllDigits = false;
        for (int i = 0; i <= v.length(); i++) {
            if (i == v.length() || v.charAt(i) == '.') {
                int len = i - start;
                if (len == 0 || len > 63 || v.charAt(start) == '-' || v.charAt(i - 1) == '-') {
                    return null;
                }
                labels++;
                lastAllDigits = true;
                for (int k = start; k < i; k++) {
                    char c = v.charAt(k);
                    if (c < '0' || c > '9') {
                        lastAllDigits = false;
                    }
                }
                start = i + 1;
            } else {
                char c = v.charAt(i);
                boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
                if (!ok) {
                    return null;
                }
            }
        }
        return labels >= 2 && !lastAllDigits ? v : null;
    }

    static String email(String raw) {
        String v = raw.trim();
        if (v.startsWith("mailto:")) {
            v = v.substring(7);
        }
        int at = v.lastIndexOf('@');
        if (at <= 0 || at == v.length() - 1) {
            throw new IllegalArgumentException("'" + shown(raw) + "' is not an e-mail address");
        }
        String local = v.substring(0, at);
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == ',' || c == '"') {
                throw new IllegalArgumentException("'" + shown(raw) + "' is not an e-mail address");
            }
        }
        String domain = domainOrNull(v.substring(at + 1));
        if (domain == null) {
            throw new IllegalArgumentException("'" + shown(raw) + "' has no valid mail domain");
        }
        return local.toLowerCase(Locale.ROOT) + "@" + domain;
    }

    /**
     * Normalises a URL: lower-case scheme and host (punycode), default port dropped, empty path becomes
     * {@code /}, fragment dropped; path and query are kept byte for byte because servers treat them as
     * case-sensitive.
     */
    static String url(String raw) {
        String v = raw.trim();
        int sep = v.indexOf("://");
        if (sep <= 0) {
            throw new IllegalArgumentException("'" + shown(raw) + "' is not a URL");
        }
        String scheme = v.substring(0, sep).toLowerCase(Locale.ROOT);
        for (int i = 0; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.');
            if (!ok) {
                throw new IllegalArgumentException("'" + shown(raw) + "' has an invalid URL scheme");
            }
        }
        int hashAt = v.indexOf('#', sep + 3);
        if (hashAt >= 0) {
            v = v.substring(0, hashAt);
        }
        int authorityEnd = v.length();
        for (int i = sep + 3; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '/' || c == '?') {
                authorityEnd = i;
                break;
            }
        }
        String authority = v.substring(sep + 3, authorityEnd);
        String rest = v.substring(authorityEnd);
        for (int i = 0; i < rest.length(); i++) {
            if (rest.charAt(i) <= ' ') {
                throw new IllegalArgumentException("'" + shown(raw) + "' contains white space");
            }
        }
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
        String hostPort = authority.substring(at + 1);
        String host;
        String port = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + shown(raw) + "' has an unclosed IPv6 host");
            }
            byte[] a = ipv6(hostPort.substring(1, close));
            if (a == null || a.length != 16) {
                throw new IllegalArgumentException("'" + shown(raw) + "' has an invalid IPv6 host");
            }
            host = "[" + format(a) + "]";
            port = hostPort.substring(close + 1);
            if (!port.isEmpty() && !port.startsWith(":")) {
                throw new IllegalArgumentException("'" + shown(raw) + "' has an invalid port");
            }
            port = port.isEmpty() ? "" : port.substring(1);
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            port = colon >= 0 ? hostPort.substring(colon + 1) : "";
            byte[] a = ipv4(host);
            if (a != null) {
                host = format(a);
            } else {
                String d = domainOrNull(host);
                if (d == null) {
                    throw new IllegalArgumentException("'" + shown(raw) + "' has no valid host");
                }
                host = d;
            }
        }
        if (!port.isEmpty() && !isPort(port)) {
            throw new IllegalArgumentException("'" + shown(raw) + "' has an invalid port");
        }
        boolean defaultPort =
                scheme.equals("http") && port.equals("80") || scheme.equals("https") && port.equals("443");
        String portPart = port.isEmpty() || defaultPort ? "" : ":" + Integer.parseInt(port);
        String path = rest.isEmpty() || rest.startsWith("?") ? "/" + rest : rest;
        return scheme + "://" + userInfo + host + portPart + path;
    }
}
