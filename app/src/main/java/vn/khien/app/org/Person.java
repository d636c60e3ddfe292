package vn.khien.app.org;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.khien.core.org.Role;

/**
 * A person (cán bộ, công chức, viên chức) in a unit.
 *
 * @param active {@code false} once the person has left (đã nghỉ), which flags their accounts
 */
public record Person(
        long id,
        String fullName,
        @Nullable String position,
        long unitId,
        String unitName,
        @Nullable String email,
        @Nullable String phone,
        boolean active,
        Set<Role> roles) {}
