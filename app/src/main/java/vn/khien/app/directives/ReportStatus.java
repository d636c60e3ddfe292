package vn.khien.app.directives;

/** A unit report's state; {@code NONE} is only used in the overview for a unit without a report. */
public enum ReportStatus {
    NONE,
    DRAFT,
    SUBMITTED,
    APPROVED,
    RETURNED
}
