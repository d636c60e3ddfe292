package vn.khien.core.accounts.breached;

import java.io.IOException;

/** Thrown when a store file is not a Khiên hash store, has an unknown version, or is truncated or damaged. */
public final class CorruptStoreException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorruptStoreException(String message) {
        super(message);
    }
}
