package vn.khien.app.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One account in the registry, with the number of its open findings. */
public record Account(
        long id,
        long systemId,
        String systemName,
        SystemKind systemKind,
        long unitId,
        String unitName,
        String login,
        @Nullable String email,
        @Nullable String dn,
        @Nullable Long ownerPersonId,
        boolean enabled,
        boolean locked,
        @Nullable Instant createdOn,
        @Nullable Instant lastLoginAt,
        @Nullable Instant passwordSetAt,
        boolean privileged,
        boolean mfa,
        String source,
        boolean departed,
        int openFindings) {}
