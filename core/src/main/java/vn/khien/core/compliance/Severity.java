package vn.khien.core.compliance;

/** How urgent a failure of a rule is, for ordering findings. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
