package vn.khien.app.org;

import java.util.List;
import vn.khien.core.ingest.ImportReport;

/**
 * Outcome of a CSV import: counts and rejections (with line and column), header columns that were not
 * recognised, and how many records were created or changed.
 */
public record OrgImportResult(ImportReport report, List<String> unknownColumns, int created, int updated) {
    public OrgImportResult {
        unknownColumns = List.copyOf(unknownColumns);
    }
}
