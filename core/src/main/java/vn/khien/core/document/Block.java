package vn.khien.core.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One part of an official document's body, rendered the same way in DOCX and PDF. */
public sealed interface Block {

    /** A section heading; level 1 is bold, level 2 bold italic. The caller numbers it ("1. …"). */
    record Heading(int level, String text) implements Block {
        public Heading {
            if (level < 1 || level > 3) {
                throw new IllegalArgumentException("heading level must be 1..3: " + level);
            }
        }
    }

    /** A justified body paragraph with a first-line indent. */
    record Paragraph(String text) implements Block {}

    /**
     * A bordered table with a bold header row; {@code widths} are relative column widths (any positive numbers, one
     * per column) or null for equal columns.
     */
    record Table(
            String caption,
            List<String> headers,
            List<List<String>> rows,
            @Nullable List<Integer> widths) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> r : rows) {
                if (r.size() != headers.size()) {
                    throw new IllegalArgumentException(
                            "table '" + caption + "' row has " + r.size() + " cells, header has " + headers.size());
                }
            }
            if (widths != null) {
                widths = List.copyOf(widths);
                if (widths.size() != headers.size() || widths.stream().anyMatch(w -> w <= 0)) {
                    throw new IllegalArgumentException("table '" + caption + "' widths " + widths + " do not fit");
                }
            }
        }

        public Table(String caption, List<String> headers, List<List<String>> rows) {
            this(caption, headers, rows, null);
        }
    }

    /**
     * A vertical bar chart drawn as a PNG image: one group of bars per category, one bar per series (series name →
     * one value per category, in category order).
     */
    record BarChart(String caption, List<String> categories, Map<String, List<Double>> series) implements Block {
        public BarChart {
            categories = List.copyOf(categories);
            Map<String, List<Double>> copy = new LinkedHashMap<>();
            for (Map.Entry<String, List<Double>> e : series.entrySet()) {
                if (e.getValue().size() != categories.size()) {
                    throw new IllegalArgumentException("chart '" + caption + "' series '" + e.getKey() + "' has "
                            + e.getValue().size() + " values for " + categories.size() + " categories");
                }
                copy.put(e.getKey(), List.copyOf(e.getValue()));
            }
            series = java.util.Collections.unmodifiableMap(copy);
        }
    }
}
