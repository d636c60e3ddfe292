package vn.khien.app.security;

import java.io.Serializable;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.khien.core.org.Role;

/**
 * Who is calling: a signed-in user or an API key, with the unit their scope starts from and their roles.
 *
 * @param userId login id, or {@code null} for an API key
 * @param apiKeyId API key id, or {@code null} for a user
 * @param name the name shown in the audit trail ({@code username} or {@code api-key:<prefix>})
 * @param displayName a name for people
 * @param unitId the unit whose subtree a unit-level role sees
 * @param roles what the caller may do
 */
public record KhienPrincipal(
        @Nullable Long userId,
        @Nullable Long apiKeyId,
        String name,
        String displayName,
        @Nullable Long unitId,
        Set<Role> roles)
        implements Serializable {
    public KhienPrincipal {
        roles = Set.copyOf(roles);
    }

    public boolean provinceWide() {
        return roles.stream().anyMatch(Role::provinceWide);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean canManageOrganisation() {
        return has(Role.ADMIN) || has(Role.COORDINATOR);
    }

    public boolean canEditPeople() {
        return canManageOrganisation() || has(Role.IT_OFFICER) || has(Role.UNIT_HEAD);
    }

    @Override
    public String toString() {
        return name;
    }
}
