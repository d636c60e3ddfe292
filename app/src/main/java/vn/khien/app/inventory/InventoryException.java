package vn.khien.app.inventory;

/** A request the inventory module refuses; the message is safe to show. */
public class InventoryException extends RuntimeException {
    private final Kind kind;

    public InventoryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** How the web layer answers. */
    public enum Kind {
        NOT_FOUND,
        INVALID,
        UNAUTHENTICATED
    }

    public static InventoryException notFound(String what) {
        return new InventoryException(Kind.NOT_FOUND, what + " not found");
    }
}
