package vn.khien.core.inventory;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An address of an endpoint: an IP address, a MAC address or both, on a named interface.
 *
 * @param interfaceName the interface, e.g. {@code Ethernet0}, or null
 * @param ip the IPv4 or IPv6 address, or null
 * @param mac the MAC address in lower case with colons, or null
 */
public record NetworkAddress(
        @Nullable String interfaceName,
        @Nullable String ip,
        @Nullable String mac,
        FactSource source) implements EndpointFact {
    public NetworkAddress {
        Objects.requireNonNull(source, "source");
        interfaceName = Strings.blankToNull(interfaceName);
        ip = Strings.blankToNull(ip);
        mac = Strings.blankToNull(mac);
        if (ip == null && mac == null) {
            throw new IllegalArgumentException("network address needs an ip or a mac");
        }
        if (ip != null && !Strings.looksLikeIp(ip)) {
            throw new IllegalArgumentException("not an IP address: '" + ip + "'");
        }
        if (mac != null) {
            mac = Strings.normaliseMac(mac);
        }
    }
}
