package vn.khien.core.intel.feeds;

import java.util.List;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.intel.Indicator;

/**
 * What one import yields: the accepted indicators, de-duplicated by type and value in input order, and the
 * report that counts read, accepted, rejected and duplicate records with where each rejection was.
 *
 * @param indicators accepted indicators, first occurrence of each (type, value) kept
 * @param report counts and the first rejections
 */
public record IndicatorImport(List<Indicator> indicators, ImportReport report) {
    public IndicatorImport {
        indicators = List.copyOf(indicators);
    }
}
