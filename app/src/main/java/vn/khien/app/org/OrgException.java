package vn.khien.app.org;

/** A request the organisation module refuses; the message is safe to show and names the offending value. */
public class OrgException extends RuntimeException {
    private final Kind kind;

    public OrgException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** How the web layer should answer. */
    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID
    }

    public static OrgException notFound(String what) {
        return new OrgException(Kind.NOT_FOUND, what + " not found");
    }
}
