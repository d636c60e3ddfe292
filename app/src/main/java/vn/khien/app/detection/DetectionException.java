package vn.khien.app.detection;

/** A request the detection module refuses; the message is safe to show and names the offending value. */
public class DetectionException extends RuntimeException {
    private final Kind kind;

    public DetectionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** How the web layer should answer. */
    public enum Kind {
        NOT_FOUND,
        INVALID,
        TOO_LARGE
    }

    public static DetectionException notFound(String what) {
        return new DetectionException(Kind.NOT_FOUND, what + " not found");
    }
}
