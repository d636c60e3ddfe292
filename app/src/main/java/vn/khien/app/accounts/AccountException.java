package vn.khien.app.accounts;

/** A refusal of the accounts module: not found (or out of scope), conflicting state, or invalid input. */
public class AccountException extends RuntimeException {
    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID
    }

    private final Kind kind;

    public AccountException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static AccountException notFound(String what) {
        return new AccountException(Kind.NOT_FOUND, what + " not found");
    }

    public static AccountException invalid(String message) {
        return new AccountException(Kind.INVALID, message);
    }

    public static AccountException conflict(String message) {
        return new AccountException(Kind.CONFLICT, message);
    }
}
