package vn.khien.core.inventory;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A program or package installed on an endpoint ({@code programs}, {@code deb_packages}, {@code rpm_packages}).
 *
 * @param name the display name, never blank
 * @param version the version, or null
 * @param publisher the publisher or vendor, or null
 * @param installedOn the install date, or null when not reported
 */
public record InstalledSoftware(
        String name,
        @Nullable String version,
        @Nullable String publisher,
        @Nullable LocalDate installedOn,
        FactSource source)
        implements EndpointFact {
    public InstalledSoftware {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (name.isBlank()) {
            throw new IllegalArgumentException("software name must not be blank");
        }
        version = Strings.blankToNull(version);
        publisher = Strings.blankToNull(publisher);
    }
}
