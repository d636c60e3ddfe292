package vn.khien.app.org;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.khien.core.org.Role;

/** What a person creating or editing a person record submits. */
public record PersonDraft(
        @NotBlank @Size(max = 200) String fullName,
        @Size(max = 200) @Nullable String position,
        @NotNull Long unitId,
        @Email @Size(max = 200) @Nullable String email,
        @Pattern(regexp = "[0-9 +().-]{0,30}") @Nullable String phone,
        boolean active,
        Set<Role> roles) {
    public PersonDraft {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
