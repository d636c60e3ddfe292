package vn.khien.core.accounts.combolist;

import java.util.regex.Pattern;

/** Tells whether the field before a login in a {@code url:login:password} line is a URL or a host name. */
final class UrlShapes {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    private static final Pattern HOST = Pattern.compile(
            "(?i)((?:[a-z0-9_-]+\\.)+[a-z][a-z0-9-]*[a-z0-9]|localhost|\\d{1,3}(?:\\.\\d{1,3}){3})(:\\d{1,5})?");

    private UrlShapes() {}

    /**
     * Whether {@code field} is {@code scheme://anything} or a bare {@code host[:port][/path]}, the host having
     * a letters-only top-level label of two characters or more (so a dotted login such as {@code nguyen.van.a}
     * is not taken for a host) or being an IPv4 address or {@code localhost}.
     */
    static boolean isUrlOrHost(String field) {
        int scheme = field.indexOf("://");
        if (scheme > 0) {
            return SCHEME.matcher(field.substring(0, scheme)).matches();
        }
        if (field.isEmpty() || field.indexOf('@') >= 0) {
            return false;
        }
        int slash = field.indexOf('/');
        String host = slash < 0 ? field : field.substring(0, slash);
        return HOST.matcher(host).matches() && lastLabelIsAlphabetic(host);
    }

    private static boolean lastLabelIsAlphabetic(String hostPort) {
        String host = hostPort.replaceFirst(":\\d+$", "");
        if (host.equalsIgnoreCase("localhost") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return true;
        }
        String tld = host.substring(host.lastIndexOf('.') + 1);
        return tld.length() >= 2 && tld.chars().allMatch(Character::isLetter);
    }
}
