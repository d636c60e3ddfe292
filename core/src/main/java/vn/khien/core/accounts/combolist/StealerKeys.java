package vn.khien.core.accounts.combolist;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The field names stealer logs use (RedLine, Raccoon, Vidar and their clones), matched case-insensitively. */
final class StealerKeys {
    /** Longest login key with its colon and spaces ({@code "User Name :"}); longer prefixes skip the regex. */
    static final int MAX_KEY_LENGTH = 16;

    private static final Pattern LOGIN = Pattern.compile("(?i)(user ?name|user|login|e-?mail|mail|account)\\s*[:=]");
    private static final Pattern URL =
            Pattern.compile("(?i)(url|host|hostname|soft|software|application|origin|site|website)\\s*:.*");
    private static final Pattern PASSWORD = Pattern.compile("(?i)\\s*(password|passwd|pass|pwd)\\s*:\\s?(.*)");

    private StealerKeys() {}

    /** Whether {@code trimmedPrefix} is exactly a login key such as {@code Username:} or {@code USER:}. */
    static boolean isLoginKey(String trimmedPrefix) {
        return LOGIN.matcher(trimmedPrefix).matches();
    }

    /** Whether a trimmed line opens a new block ({@code URL:}, {@code Host:}, {@code Soft:}). */
    static boolean isUrlKey(String trimmedLine) {
        return URL.matcher(trimmedLine).matches();
    }

    /** The value of a {@code Password:} / {@code PASS:} line, or {@code null} for any other line. */
    static @Nullable String passwordValue(String line) {
        Matcher m = PASSWORD.matcher(line);
        return m.matches() ? m.group(2) : null;
    }
}
