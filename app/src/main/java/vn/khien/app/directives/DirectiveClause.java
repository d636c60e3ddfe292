package vn.khien.app.directives;

import java.util.List;

/**
 * One numbered item (mục) of a directive, its sub-points folded into {@code text} as lines.
 *
 * @param units the units the parser found named in the item, used to preselect assignees
 */
public record DirectiveClause(long id, int position, String number, String text, List<String> units) {
    public DirectiveClause {
        units = List.copyOf(units);
    }
}
