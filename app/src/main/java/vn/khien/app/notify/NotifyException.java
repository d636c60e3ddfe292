package vn.khien.app.notify;

/** A refusal of the notifications module. */
public class NotifyException extends RuntimeException {
    public enum Kind {
        NOT_FOUND,
        INVALID
    }

    private final Kind kind;

    public NotifyException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
