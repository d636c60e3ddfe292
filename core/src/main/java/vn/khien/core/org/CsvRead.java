package vn.khien.core.org;

import java.util.List;
import vn.khien.core.ingest.ImportReport;

/**
 * What a CSV reader produced: the valid rows, the report (with each rejected row's line and column), and
 * the header columns it did not recognise (ignored, reported so a typo in a header is noticed).
 */
public record CsvRead<T>(List<T> rows, ImportReport report, List<String> unknownColumns) {
    public CsvRead {
        rows = List.copyOf(rows);
        unknownColumns = List.copyOf(unknownColumns);
    }
}
