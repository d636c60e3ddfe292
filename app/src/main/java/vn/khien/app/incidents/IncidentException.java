package vn.khien.app.incidents;

/** A refusal of the incidents module: not found (or out of scope), invalid, or a conflict with the state. */
public class IncidentException extends RuntimeException {
    public enum Kind {
        NOT_FOUND,
        INVALID,
        CONFLICT,
        TOO_LARGE
    }

    private final Kind kind;

    public IncidentException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static IncidentException notFound(long id) {
        return new IncidentException(Kind.NOT_FOUND, "incident " + id + " not found");
    }
}
