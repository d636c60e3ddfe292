package vn.khien.app.inventory;

import java.time.Instant;

/** An ad-hoc osquery query queued for a unit's agents, with how many agents answered and with how many rows. */
public record DistributedQuery(
        long id, long unitId, String sql, String createdBy, Instant createdAt, long answers, long rows) {}
