package vn.khien.app.inventory;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint as lists show it.
 *
 * @param hostKey Khiên's key: osquery's host identifier, else the host name
 * @param zone INTERNET, CPNET, ISOLATED_LAN or NONE, or null when not yet classified
 */
public record Endpoint(
        long id,
        String hostKey,
        @Nullable String hostname,
        @Nullable Long unitId,
        @Nullable Long ownerPersonId,
        @Nullable String zone,
        boolean handlesSecrets,
        @Nullable String os,
        List<String> ips,
        @Nullable Instant firstSeen,
        @Nullable Instant lastSeen,
        int securityProducts) {
    public Endpoint {
        ips = List.copyOf(ips);
    }

    /** The name to show: host name, else the key. */
    public String displayName() {
        return hostname != null ? hostname : hostKey;
    }
}
