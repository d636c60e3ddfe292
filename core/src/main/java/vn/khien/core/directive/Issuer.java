package vn.khien.core.directive;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body that issued a directive, as printed top left (DOMAIN.md §7): the issuing body in capitals,
 * under its parent body when it has one (e.g. "UBND TỈNH HÀ TĨNH" over "SỞ KHOA HỌC VÀ CÔNG NGHỆ").
 *
 * @param parentBody the line(s) above the issuing body, or {@code null} when the issuer is a top-level body
 *     such as a People's Committee, whose header has no parent line
 * @param body the issuing body, its lines joined by single spaces
 */
public record Issuer(@Nullable String parentBody, String body) {
    public Issuer {
        Objects.requireNonNull(body, "body");
    }
}
