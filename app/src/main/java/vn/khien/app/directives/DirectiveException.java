package vn.khien.app.directives;

/** A refusal of the directives module, mapped to an HTTP status by its error advice. */
public class DirectiveException extends RuntimeException {
    /** What went wrong. */
    public enum Kind {
        NOT_FOUND,
        INVALID,
        CONFLICT,
        FORBIDDEN,
        TOO_LARGE
    }

    private final Kind kind;

    public DirectiveException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static DirectiveException notFound(String what) {
        return new DirectiveException(Kind.NOT_FOUND, what + " not found");
    }

    static DirectiveException invalid(String message) {
        return new DirectiveException(Kind.INVALID, message);
    }
}
