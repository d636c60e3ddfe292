package vn.khien.app.intel;

/** A request the intelligence module refuses; the message is safe to show and names the offending value. */
public class IntelException extends RuntimeException {
    private final Kind kind;

    public IntelException(Kind kind, String message) {
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

    public static IntelException notFound(String what) {
        return new IntelException(Kind.NOT_FOUND, what + " not found");
    }
}
