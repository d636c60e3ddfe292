package vn.khien.core.directive;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The signature block of a directive: who signed and in what capacity.
 *
 * @param authority the authority lines in order, each starting with its prefix (TM., KT., Q., TL., TUQ.),
 *     e.g. {@code ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]}; empty when the head signs in their own name
 * @param position the signer's position in capitals (several lines joined by ", "), or {@code null} when
 *     the text does not show it
 * @param name the signer's full name, or {@code null} when the text does not show it
 */
public record Signer(
        List<String> authority,
        @Nullable String position,
        @Nullable String name) {
    public Signer {
        authority = List.copyOf(authority);
    }
}
