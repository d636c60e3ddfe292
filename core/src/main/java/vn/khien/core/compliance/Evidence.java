package vn.khien.core.compliance;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.khien.core.inventory.FactSource;

/**
 * One fact a result rests on: what it is, what was observed, and from which input when.
 *
 * @param fact the kind of fact, e.g. {@code securityProduct}, {@code patch}, {@code storageDevice}
 * @param observed the observed value in words, e.g. {@code Bkav Endpoint, signatures 2026-11-15T00:00:00Z}
 * @param source the input and observation time, or null when the evidence is an absence (nothing reported)
 */
public record Evidence(
        String fact, String observed, @Nullable FactSource source) {
    public Evidence {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(observed, "observed");
    }
}
