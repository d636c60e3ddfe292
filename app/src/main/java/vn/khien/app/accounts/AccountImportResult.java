package vn.khien.app.accounts;

import vn.khien.core.ingest.ImportReport;

/** Outcome of a CSV import or a directory sync: rows read, accepted, rejected (with lines), and findings. */
public record AccountImportResult(long runId, long systemId, ImportReport report, long accounts, long openFindings) {}
