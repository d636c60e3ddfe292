package vn.khien.core.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An operating system and the date its vendor stopped supporting it. An OS matches when its name and version,
 * lower-cased, contain {@code match} not followed by a digit (so {@code windows 1} would not match
 * {@code windows 10}), and contain none of {@code except} (e.g. {@code ltsc} editions with later dates).
 *
 * @param match lower-case text to find, e.g. {@code windows 10} or {@code ubuntu 18.04}
 * @param except lower-case texts that exclude a match
 * @param endOfSupport the last day of support
 */
public record OsEndOfSupport(String match, List<String> except, LocalDate endOfSupport) {
    public OsEndOfSupport {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(endOfSupport, "endOfSupport");
        match = match.strip().toLowerCase(Locale.ROOT);
        if (match.isEmpty()) {
            throw new IllegalArgumentException("end-of-support match must not be blank");
        }
        except = except.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether the lower-cased "name version" text names this OS. */
    public boolean matches(String lowerOs) {
        int from = 0;
        while (true) {
            int at = lowerOs.indexOf(match, from);
            if (at < 0) {
                return false;
            }
            int end = at + match.length();
            boolean boundaryBefore = at == 0 || !Character.isLetterOrDigit(lowerOs.charAt(at - 1));
            boolean boundaryAfter = end >= lowerOs.length() || !Character.isDigit(lowerOs.charAt(end));
            if (boundaryBefore && boundaryAfter) {
                for (String e : except) {
                    if (lowerOs.contains(e)) {
                        return false;
                    }
                }
                return true;
            }
            from = at + 1;
        }
    }
}
