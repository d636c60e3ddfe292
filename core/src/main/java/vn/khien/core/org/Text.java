package vn.khien.core.org;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folding of Vietnamese text for lenient comparison of headers and enumerated values. */
final class Text {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-./()]+");

    private Text() {}

    /** Lower-case, without diacritics ({@code đ} becomes {@code d}), separators collapsed to one space. */
    static String fold(String s) {
        String noMarks = MARKS.matcher(Normalizer.normalize(s.strip(), Normalizer.Form.NFD))
                .replaceAll("")
                .replace('đ', 'd')
                .replace('Đ', 'D');
        return SEPARATORS
                .matcher(noMarks.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }
}
