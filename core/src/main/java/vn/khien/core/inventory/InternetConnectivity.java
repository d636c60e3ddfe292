package vn.khien.core.inventory;

import java.util.Objects;

/**
 * An observation of whether an endpoint could reach the Internet.
 *
 * @param reachable whether the Internet was reachable at {@code source.observedAt()}
 * @param detail how it was checked, e.g. {@code connectivity.ipv4_internet=1}
 */
public record InternetConnectivity(boolean reachable, String detail, FactSource source) implements EndpointFact {
    public InternetConnectivity {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(source, "source");
    }
}
