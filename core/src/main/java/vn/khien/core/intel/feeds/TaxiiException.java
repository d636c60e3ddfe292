package vn.khien.core.intel.feeds;

import java.io.IOException;

/**
 * A TAXII server answered with an error or with something that is not TAXII 2.1; {@link #retryable()} says
 * whether trying again later can help (429 and 5xx) or the feed needs a person (401, 403, 404, bad content).
 */
public final class TaxiiException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public TaxiiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, or 0 when the response arrived but its content was wrong. */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return status == 429 || status == 408 || status >= 500;
    }
}
