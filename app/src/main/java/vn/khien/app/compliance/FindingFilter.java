package vn.khien.app.compliance;

import org.jspecify.annotations.Nullable;

/** Filters of the findings list; null fields do not filter. */
public record FindingFilter(
        @Nullable String rule,
        @Nullable Long unitId,
        @Nullable String status,
        @Nullable Long endpointId) {
    public static FindingFilter none() {
        return new FindingFilter(null, null, null, null);
    }
}
