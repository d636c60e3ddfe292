package vn.khien.app.inventory;

import java.util.List;
import vn.khien.core.ingest.ImportReport;

/**
 * What one import did: the importer's report (read, accepted, rejected with line numbers), the unknown columns of a
 * console CSV, and how many endpoints it registered or changed.
 *
 * @param outOfScope endpoints the input named that belong to units outside the caller's scope (left untouched)
 */
public record ImportResult(
        long importId,
        String kind,
        String sourceName,
        ImportReport report,
        List<String> unknownColumns,
        int endpointsNew,
        int endpointsChanged,
        int outOfScope) {
    public ImportResult {
        unknownColumns = List.copyOf(unknownColumns);
    }
}
