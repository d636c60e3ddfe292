package vn.khien.core.intel.feeds;

import org.jspecify.annotations.Nullable;

/**
 * One indicator file read by {@link IndicatorFiles}: the format it was detected as and what it yielded.
 * A warninglist yields no indicators (an empty import) but the parsed {@code warninglist}.
 *
 * @param format the detected format
 * @param result indicators and report; empty for a warninglist
 * @param warninglist the list, when {@code format} is {@link IndicatorFileFormat#MISP_WARNINGLIST}
 */
public record IndicatorFile(
        IndicatorFileFormat format,
        IndicatorImport result,
        @Nullable Warninglist warninglist) {}
