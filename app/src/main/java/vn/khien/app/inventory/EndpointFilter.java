package vn.khien.app.inventory;

import org.jspecify.annotations.Nullable;

/** Filters of the endpoint list; null fields do not filter. */
public record EndpointFilter(
        @Nullable Long unitId, @Nullable String q, @Nullable String zone) {
    public static EndpointFilter none() {
        return new EndpointFilter(null, null, null);
    }
}
