package vn.khien.core.org;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One valid row of a people CSV.
 *
 * @param line 1-based line number in the file (the header is line 1)
 * @param fullName full name with diacritics
 * @param position job title (chức vụ)
 * @param unitCode code of the person's unit
 * @param email official email, lower case
 * @param phone phone number as written
 * @param active whether the person still works there ({@code false} = đã nghỉ)
 * @param roles duties in cybersecurity work
 */
public record PersonRow(
        long line,
        String fullName,
        @Nullable String position,
        String unitCode,
        @Nullable String email,
        @Nullable String phone,
        boolean active,
        Set<Role> roles) {
    public PersonRow {
        roles = Set.copyOf(roles);
    }
}
