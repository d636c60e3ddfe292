package vn.khien.app.inventory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A unit's osquery enroll secret as officers see it (never the secret itself, which is shown once). */
public record EnrollSecret(
        long id,
        long unitId,
        String label,
        String createdBy,
        Instant createdAt,
        @Nullable Instant revokedAt,
        long nodes) {
    public boolean active() {
        return revokedAt == null;
    }
}
