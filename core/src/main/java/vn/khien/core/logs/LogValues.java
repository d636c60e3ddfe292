package vn.khien.core.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Small value conversions the non-DNS parsers share: names, ports, epoch and RFC 3339 times. */
final class LogValues {
    private LogValues() {}

    /** Lower-case host name without trailing dot or {@code :port}; null when empty or unset. */
    static @Nullable String host(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String h = raw.trim();
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close > 1 ? h.substring(1, close).toLowerCase(Locale.ROOT) : null;
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && h.indexOf(':', colon + 1) < 0) {
            h = h.substring(0, colon);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.isEmpty() || h.equals("-") ? null : h.toLowerCase(Locale.ROOT);
    }

    /** A port 0–65535, or 0 when absent or invalid. */
    static int port(@Nullable String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 5) {
            return 0;
        }
        int v = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            v = v * 10 + (c - '0');
        }
        return v <= 65535 ? v : 0;
    }

    /** Epoch seconds with optional fraction ({@code 1300475168.784020}); null when not such a number. */
    static @Nullable Instant epoch(@Nullable String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        int dot = raw.indexOf('.');
        String secs = dot >= 0 ? raw.substring(0, dot) : raw;
        String frac = dot >= 0 ? raw.substring(dot + 1) : "";
        if (secs.isEmpty() || secs.length() > 12 || frac.length() > 9 || !digits(secs) || !digits(frac)) {
            return null;
        }
        long nanos = frac.isEmpty() ? 0 : Long.parseLong(frac) * pow10(9 - frac.length());
        return Instant.ofEpochSecond(Long.parseLong(secs), nanos);
    }

    /** RFC 3339 / ISO-8601 with offset, also {@code +0000} without colon; null when unreadable. */
    static @Nullable Instant iso(@Nullable String raw) {
        if (raw == null || raw.length() < 20) {
            return null;
        }
        String v = raw;
        int n = v.length();
        if (n > 5 && (v.charAt(n - 5) == '+' || v.charAt(n - 5) == '-') && digits(v.substring(n - 4))) {
            v = v.substring(0, n - 2) + ":" + v.substring(n - 2);
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static long pow10(int n) {
        long v = 1;
        for (int i = 0; i < n; i++) {
            v *= 10;
        }
        return v;
    }
}
