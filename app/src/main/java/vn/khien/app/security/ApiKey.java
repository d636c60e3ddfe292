package vn.khien.app.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import vn.khien.core.org.Role;

/** An integration's API key as listed: its prefix identifies it; the secret is shown once at creation. */
public record ApiKey(
        long id,
        String name,
        String prefix,
        long unitId,
        Role role,
        String createdBy,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}
