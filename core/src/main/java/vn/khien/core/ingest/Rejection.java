package vn.khien.core.ingest;

import java.util.Objects;

/**
 * One input record an importer refused: where it was ({@code line} is 1-based; for structured inputs
 * {@code element} names the JSON pointer, XML path or column) and why, in words a person can act on.
 *
 * @param line 1-based line number of the record, or 0 when the input has no lines (e.g. a JSON document)
 * @param element the element within the line or document (column name, JSON pointer), or empty
 * @param reason what is wrong, naming the offending value where that is safe to show
 */
public record Rejection(long line, String element, String reason) {
    public Rejection {
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, was " + line);
        }
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(reason, "reason");
    }

    public static Rejection atLine(long line, String reason) {
        return new Rejection(line, "", reason);
    }

    /** Human-readable form, e.g. {@code "dòng 12 (email): invalid address"}. */
    @Override
    public String toString() {
        String where = line > 0 ? "line " + line : "document";
        return element.isEmpty() ? where + ": " + reason : where + " (" + element + "): " + reason;
    }
}
