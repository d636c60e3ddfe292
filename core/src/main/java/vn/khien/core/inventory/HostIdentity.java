package vn.khien.core.inventory;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an endpoint names itself: its host name and hardware UUID, as reported by {@code system_info} or a report.
 *
 * @param hostname the host name, or null when not reported
 * @param uuid the hardware UUID, or null when not reported
 */
public record HostIdentity(
        @Nullable String hostname, @Nullable String uuid, FactSource source) implements EndpointFact {
    public HostIdentity {
        Objects.requireNonNull(source, "source");
        hostname = Strings.blankToNull(hostname);
        uuid = Strings.blankToNull(uuid);
        if (hostname == null && uuid == null) {
            throw new IllegalArgumentException("host identity needs a hostname or a uuid");
        }
    }
}
