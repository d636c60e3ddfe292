package vn.khien.core.compliance;

/** A rule pack file that cannot be used; the message names the pack and the field at fault. */
public final class RulePackException extends RuntimeException {
    public RulePackException(String message) {
        super(message);
    }

    public RulePackException(String message, Throwable cause) {
        super(message, cause);
    }
}
