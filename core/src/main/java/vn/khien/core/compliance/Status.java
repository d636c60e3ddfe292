package vn.khien.core.compliance;

/** The outcome of one rule for one subject. */
public enum Status {
    PASS,
    FAIL,
    /** The rule does not concern this subject (e.g. EDR-PRESENT on a machine outside CPNet). */
    NOT_APPLICABLE
}
