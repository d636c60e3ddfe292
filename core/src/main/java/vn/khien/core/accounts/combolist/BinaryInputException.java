package vn.khien.core.accounts.combolist;

import java.io.IOException;

/** Thrown when a combolist holds binary data (NUL bytes or mostly control characters) instead of text. */
public final class BinaryInputException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public BinaryInputException(long offset, String message) {
        super(message);
        this.offset = offset;
    }

    /** Byte offset in the input where binary data was seen. */
    public long offset() {
        return offset;
    }
}
