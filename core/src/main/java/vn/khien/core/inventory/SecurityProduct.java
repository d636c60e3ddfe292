package vn.khien.core.inventory;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An antivirus, EDR, firewall or antispyware product on an endpoint, with what is known of its state.
 *
 * @param name the product name, e.g. {@code Bkav Endpoint}
 * @param kind what the product does
 * @param version the product version, or null
 * @param running whether its protection is running, or null when not reported
 * @param enabled whether it is enabled, or null when not reported
 * @param signatureDate when its signatures (mẫu nhận diện) were released, or null when not reported
 * @param signaturesUpToDate whether the product itself reports current signatures, or null when not reported
 */
public record SecurityProduct(
        String name,
        SecurityProductKind kind,
        @Nullable String version,
        @Nullable Boolean running,
        @Nullable Boolean enabled,
        @Nullable Instant signatureDate,
        @Nullable Boolean signaturesUpToDate,
        FactSource source)
        implements EndpointFact {
    public SecurityProduct {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        if (name.isBlank()) {
            throw new IllegalArgumentException("security product name must not be blank");
        }
        version = Strings.blankToNull(version);
    }

    /** Whether nothing reported says it is stopped or disabled. */
    public boolean isActive() {
        return !Boolean.FALSE.equals(running) && !Boolean.FALSE.equals(enabled);
    }
}
