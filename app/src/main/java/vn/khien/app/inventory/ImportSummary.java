package vn.khien.app.inventory;

import java.time.Instant;

/** One past import, as the import page lists it. */
public record ImportSummary(
        long id,
        String kind,
        String sourceName,
        String actor,
        Instant at,
        long read,
        long accepted,
        long rejected,
        int endpointsNew,
        int endpointsChanged) {}
