package vn.khien.app.security;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.khien.core.org.Role;

/** A login as people and the audit trail see it: never its password hash or TOTP seed. */
public record UserAccount(
        long id,
        String username,
        String displayName,
        @Nullable Long personId,
        @Nullable Long unitId,
        Set<Role> roles,
        boolean enabled,
        boolean mfaEnrolled,
        boolean mustChangePassword,
        @Nullable Instant lockedUntil,
        @Nullable Instant lastLoginAt) {
    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
