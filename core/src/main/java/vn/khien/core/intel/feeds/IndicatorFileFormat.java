package vn.khien.core.intel.feeds;

/** Indicator file formats {@link IndicatorFiles} tells apart by content. */
public enum IndicatorFileFormat {
    STIX_BUNDLE,
    MISP_EVENT,
    MISP_WARNINGLIST,
    CSV,
    PLAIN_LIST
}
