package vn.khien.app.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An account as a source (directory, CSV) describes it, before it is matched to people and units. */
public record AccountRecord(
        String login,
        @Nullable String email,
        @Nullable String dn,
        boolean enabled,
        boolean locked,
        @Nullable Instant createdOn,
        @Nullable Instant lastLoginAt,
        @Nullable Instant passwordSetAt,
        boolean privileged,
        boolean mfa) {}
