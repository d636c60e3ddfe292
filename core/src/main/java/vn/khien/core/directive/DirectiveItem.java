package vn.khien.core.directive;

import java.util.List;
import java.util.Objects;

/**
 * One numbered item of a directive, or one sub-point of an item, with the units its text names.
 *
 * @param number the item's number ("1"), letter ("a") or nested number ("1.2") as written, or the bullet
 *     character of a bullet point ("-", "+", "•")
 * @param text the item's text without its marker; paragraphs that continue the item are joined with
 *     {@code "\n"}, lines broken mid-sentence are joined with a space
 * @param subItems the item's sub-points in order, each possibly with its own sub-points
 * @param units units (cơ quan, đơn vị) named in {@code text}, in order of first mention, best effort (e.g.
 *     "Sở Thông tin và Truyền thông", "UBND các xã", "Công an tỉnh")
 */
public record DirectiveItem(String number, String text, List<DirectiveItem> subItems, List<String> units) {
    public DirectiveItem {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(text, "text");
        subItems = List.copyOf(subItems);
        units = List.copyOf(units);
    }
}
