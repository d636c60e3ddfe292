package vn.khien.core.intel.feeds;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits CSV text into records: RFC 4180 quoting (doubled quotes, line breaks inside quotes) plus the
 * white space abuse.ch writes between a comma and the next quoted field; lines starting with {@code #} come
 * back as comments with the marker removed.
 */
final class CsvRecords {
    /** One record: its first line number, its fields, or the comment text for a {@code #} line. */
    record Row(long line, List<String> fields, @Nullable String comment) {}

    private final Reader in;
    private long line = 1;
    private int pushback = -2;
    private boolean first = true;

    CsvRecords(Reader in) {
        this.in = in;
    }

    private int read() throws IOException {
        if (pushback != -2) {
            int c = pushback;
            pushback = -2;
            return c;
        }
        int c = in.read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = in.read();
            }
        }
        return c;
    }

    @Nullable
    Row next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        long start = line;
        if (c == '#') {
            StringBuilder b = new StringBuilder();
            for (c = read(); c != -1 && c != '\n'; c = read()) {
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            line++;
            return new Row(start, List.of(), b.toString());
        }
        pushback = c;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            c = read();
            if (quoted) {
                if (c == -1) {
                    fields.add(field.toString());
                    return new Row(start, fields, null);
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        pushback = d;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                continue;
            }
            if (c == -1 || c == '\n') {
                if (c == '\n') {
                    line++;
                }
                fields.add(wasQuoted ? field.toString() : field.toString().trim());
                return new Row(start, fields, null);
            }
            if (c == '\r') {
                continue;
            }
            if (c == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().trim());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (!(wasQuoted && (c == ' ' || c == '\t'))) {
                field.append((char) c);
            }
        }
    }

    /** Splits one line of CSV text (no embedded line breaks) into fields. */
    static List<String> split(String text) {
        try {
            Row row = new CsvRecords(new java.io.StringReader(text.replace('\n', ' '))).next();
            return row == null || row.comment() != null ? List.of() : row.fields();
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }
}
