package vn.khien.app.reports;

/** Why a report was generated: the monthly or quarterly schedule, or someone asked for it. */
public enum ReportKind {
    MONTHLY,
    QUARTERLY,
    ON_DEMAND
}
