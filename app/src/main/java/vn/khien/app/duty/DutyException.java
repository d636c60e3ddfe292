package vn.khien.app.duty;

/** A refusal of the duty module. */
public class DutyException extends RuntimeException {
    public enum Kind {
        NOT_FOUND,
        INVALID,
        CONFLICT
    }

    private final Kind kind;

    public DutyException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
