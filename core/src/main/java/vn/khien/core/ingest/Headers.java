package vn.khien.core.ingest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folding of spreadsheet headers and enumerated cell values so that "Mã đơn vị", "MA DON VI" and "ma_don_vi"
 * compare equal: lower case, diacritics removed ({@code đ} becomes {@code d}), separators collapsed.
 */
public final class Headers {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-./()]+");

    private Headers() {}

    /** Lower-case, without diacritics, runs of spaces, underscores, dashes, dots, slashes and brackets as one space. */
    public static String fold(String s) {
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
