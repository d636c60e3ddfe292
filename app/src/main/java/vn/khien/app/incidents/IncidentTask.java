package vn.khien.app.incidents;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A response task (containment, eradication, recovery) with its owner. */
public record IncidentTask(
        long id,
        long incidentId,
        TaskPhase phase,
        String title,
        @Nullable String owner,
        boolean done,
        Instant createdAt) {}
