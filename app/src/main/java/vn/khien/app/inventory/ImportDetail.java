package vn.khien.app.inventory;

import java.util.List;

/** One import as its report page shows it: counts, each rejected line with its reason, unknown columns. */
public record ImportDetail(ImportSummary summary, List<Line> rejections, List<String> unknownColumns, int outOfScope) {
    public ImportDetail {
        rejections = List.copyOf(rejections);
        unknownColumns = List.copyOf(unknownColumns);
    }

    /** A rejected line (0 for the whole document), the element at fault and why. */
    public record Line(long line, String element, String reason) {}
}
