package vn.khien.core.intel;

import java.net.IDN;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Normalises host names to the form indicators and matchers share: ASCII lower case, no trailing dot,
 * internationalised labels in punycode ({@code xn--}), each label 1–63 characters and the whole name at
 * most 253.
 */
public final class Domains {
    private Domains() {}

    /**
     * Returns the normalised form of {@code name}, or {@code null} when it is not a usable host name
     * (empty, an empty label, a label or name too long, or a character outside letters, digits, {@code -}
     * and {@code _}).
     */
    public static @Nullable String normalize(String name) {
        String s = name.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            return null;
        }
        if (!isAscii(s)) {
            try {
                // ALLOW_UNASSIGNED keeps names with newer Unicode code points; feeds do carry them
                s = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        s = s.toLowerCase(Locale.ROOT);
        return isValidAscii(s) ? s : null;
    }

    /** Whether {@code s} is already a valid normalised name: lower-case ASCII labels, no trailing dot. */
    static boolean isValidAscii(CharSequence s) {
        int n = s.length();
        if (n == 0 || n > 253) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= n; i++) {
            char c = i == n ? '.' : s.charAt(i);
            if (c == '.') {
                int len = i - labelStart;
                if (len == 0 || len > 63) {
                    return false;
                }
                labelStart = i + 1;
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
