package vn.khien.core.inventory;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An operating-system update installed on an endpoint ({@code patches}: Windows hotfixes).
 *
 * @param id the update id, e.g. {@code KB5034441}
 * @param installedOn the install date, or null when the system did not record it
 * @param description e.g. {@code Security Update}, or null
 */
public record OsPatch(
        String id,
        @Nullable LocalDate installedOn,
        @Nullable String description,
        FactSource source) implements EndpointFact {
    public OsPatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        if (id.isBlank()) {
            throw new IllegalArgumentException("patch id must not be blank");
        }
        description = Strings.blankToNull(description);
    }
}
