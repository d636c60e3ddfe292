package vn.khien.core.intel.feeds;

import java.io.IOException;

/**
 * Thrown when a whole input is not of the format its reader expects (not JSON, not a STIX bundle, a CSV
 * without a value column); the message names what was expected and what was found. Bad records inside a
 * well-formed input are never reported this way: they become rejections in the import report.
 */
public final class IndicatorFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public IndicatorFormatException(String message) {
        super(message);
    }

    public IndicatorFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
