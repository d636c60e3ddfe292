package vn.khien.app.reports;

/** A refusal of the reports module, shown as a friendly page or an RFC 9457 problem. */
public class ReportException extends RuntimeException {
    public enum Kind {
        NOT_FOUND,
        INVALID,
        CONFLICT
    }

    private final Kind kind;

    public ReportException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ReportException notFound(String what) {
        return new ReportException(Kind.NOT_FOUND, what + " not found");
    }

    public static ReportException invalid(String message) {
        return new ReportException(Kind.INVALID, message);
    }
}
