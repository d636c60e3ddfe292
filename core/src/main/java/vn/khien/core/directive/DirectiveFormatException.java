package vn.khien.core.directive;

import java.io.IOException;

/** The input is not something the directive parser can read: too large, binary, unsupported or malformed. */
public final class DirectiveFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public DirectiveFormatException(String message) {
        super(message);
    }

    public DirectiveFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
