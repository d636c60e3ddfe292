package vn.khien.app.compliance;

/** A request the compliance module refuses; the message is safe to show. */
public class ComplianceException extends RuntimeException {
    private final boolean notFound;

    public ComplianceException(boolean notFound, String message) {
        super(message);
        this.notFound = notFound;
    }

    public boolean notFound() {
        return notFound;
    }

    public static ComplianceException notFound(String what) {
        return new ComplianceException(true, what + " not found");
    }

    public static ComplianceException invalid(String message) {
        return new ComplianceException(false, message);
    }
}
