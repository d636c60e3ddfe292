package vn.khien.core.accounts.combolist;

import vn.khien.core.ingest.ImportReport;

/**
 * Counts of one combolist scan.
 *
 * @param bytes bytes read
 * @param lines lines seen, blank ones included
 * @param report {@code read} = non-blank lines, {@code accepted} = hits reported, {@code rejected} = lines
 *     refused (too long), {@code duplicates} = hits with an account and password already reported in this run
 */
public record ComboScanResult(long bytes, long lines, ImportReport report) {
    /** Hits handed to the sink. */
    public long hits() {
        return report.accepted();
    }

    /** One-line summary for the command line. */
    public String summary() {
        return "bytes=" + bytes + " lines=" + lines + " hits=" + report.accepted() + " duplicates="
                + report.duplicates() + " rejected=" + report.rejected();
    }
}
