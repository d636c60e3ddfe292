package vn.khien.core.inventory;

import java.util.List;
import vn.khien.core.ingest.ImportReport;

/**
 * What importing one console CSV did: the counts and rejections, and the header columns the profile does not
 * know (ignored, reported so a renamed column in a new console version is noticed).
 */
public record AvCsvImport(ImportReport report, List<String> unknownColumns) {
    public AvCsvImport {
        unknownColumns = List.copyOf(unknownColumns);
    }
}
