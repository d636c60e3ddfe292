package vn.khien.core.inventory;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.khien.core.ingest.Headers;

/** Text normalisation shared by the importers of this package. */
final class Strings {
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[\\w.]+)?");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}([:-]?[0-9a-f]{2}){5}");

    private Strings() {}

    static @Nullable String blankToNull(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** Lower-case, without diacritics, separators collapsed: see {@link Headers#fold}. */
    static String fold(String s) {
        return Headers.fold(s);
    }

    static boolean looksLikeIp(String s) {
        return s.indexOf(':') >= 0 ? IPV6.matcher(s).matches() : IPV4.matcher(s).matches();
    }

    static String normaliseMac(String mac) {
        String m = mac.strip().toLowerCase(Locale.ROOT);
        if (!MAC.matcher(m).matches()) {
            throw new IllegalArgumentException("not a MAC address: '" + mac + "'");
        }
        String hex = m.replace(":", "").replace("-", "");
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }
}
