package vn.khien.core.intel.feeds;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.ingest.Rejection;
import vn.khien.core.intel.Indicator;
import vn.khien.core.intel.IndicatorType;

/**
 * Accumulates one import: counts records, keeps the first indicator of each (type, value) and reports
 * later ones as duplicates. Not thread-safe; one per import.
 */
final class IndicatorCollector {
    static final int DEFAULT_CONFIDENCE = 50;

    private final String source;
    private final ImportReport.Builder report = ImportReport.builder();
    private final Map<String, Indicator> indicators = new LinkedHashMap<>();

    IndicatorCollector(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    void read() {
        report.read();
    }

    /** Counts one record whose values are {@code values}: accepted if any is new, else a duplicate. */
    void record(List<Indicator> values) {
        boolean added = false;
        for (Indicator i : values) {
            added |= indicators.putIfAbsent(i.type() + " " + i.value(), i) == null;
        }
        if (added) {
            report.accept();
        } else {
            report.duplicate();
        }
    }

    void record(Indicator value) {
        record(List.of(value));
    }

    void reject(long line, String element, String reason) {
        report.reject(new Rejection(line, element, reason));
    }

    Indicator simple(IndicatorValues.Typed typed) {
        return indicator(typed.type(), typed.value(), null, null, null, DEFAULT_CONFIDENCE, null, List.of(), false);
    }

    Indicator indicator(
            IndicatorType type,
            String value,
            @Nullable Instant firstSeen,
            @Nullable Instant lastSeen,
            @Nullable Instant validUntil,
            int confidence,
            @Nullable String tlp,
            List<String> tags,
            boolean revoked) {
        return new Indicator(type, value, source, firstSeen, lastSeen, validUntil, confidence, tlp, tags, revoked);
    }

    IndicatorImport result() {
        return new IndicatorImport(List.copyOf(indicators.values()), report.build());
    }
}
