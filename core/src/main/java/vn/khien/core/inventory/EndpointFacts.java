package vn.khien.core.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything known about one endpoint (máy trạm) at one moment: its identity, the officer-set classification
 * (zone, state secrets, server role) and the facts each input reported, each with its source.
 *
 * @param id Khiên's key for the endpoint: osquery's host identifier, or the host name for console-only machines
 * @param identity host name and UUID, or null when only a console row or address is known
 * @param zone the network zone set by an officer, or null when not yet classified
 * @param handlesStateSecrets whether an officer marked it as drafting or storing state secrets
 * @param serverRole whether an officer marked it as a server (see {@link #isServer()})
 * @param firstSeen first observation by any input, or null when never observed
 * @param lastSeen last observation by any input, or null when never observed
 */
public record EndpointFacts(
        String id,
        @Nullable HostIdentity identity,
        @Nullable Zone zone,
        boolean handlesStateSecrets,
        boolean serverRole,
        @Nullable Instant firstSeen,
        @Nullable Instant lastSeen,
        @Nullable OsInfo os,
        List<NetworkAddress> addresses,
        List<InstalledSoftware> software,
        List<SecurityProduct> securityProducts,
        List<OsPatch> patches,
        List<RemovableStorageDevice> storageDevices,
        @Nullable BackupStatus backup,
        List<InternetConnectivity> connectivity) {
    public EndpointFacts {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("endpoint id must not be blank");
        }
        if (firstSeen != null && lastSeen != null && lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("endpoint " + id + ": lastSeen before firstSeen");
        }
        addresses = List.copyOf(addresses);
        software = List.copyOf(software);
        securityProducts = List.copyOf(securityProducts);
        patches = List.copyOf(patches);
        storageDevices = List.copyOf(storageDevices);
        connectivity = List.copyOf(connectivity);
    }

    /** A new endpoint with no facts yet, e.g. one an officer registered by hand. */
    public static EndpointFacts empty(String id) {
        return new EndpointFacts(
                id, null, null, false, false, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                null, List.of());
    }

    /** The reported host name, or null. */
    public @Nullable String hostname() {
        return identity == null ? null : identity.hostname();
    }

    /** Distinct IP addresses, in report order. */
    public List<String> ips() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (NetworkAddress a : addresses) {
            if (a.ip() != null) {
                out.add(a.ip());
            }
        }
        return new ArrayList<>(out);
    }

    /** Distinct MAC addresses, in report order. */
    public List<String> macs() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (NetworkAddress a : addresses) {
            if (a.mac() != null) {
                out.add(a.mac());
            }
        }
        return new ArrayList<>(out);
    }

    /** Whether this is a server: marked so by an officer, or running a server edition of its OS. */
    public boolean isServer() {
        return serverRole || (os != null && os.isServerEdition());
    }

    /** This endpoint with the officer-set classification replaced. */
    public EndpointFacts withClassification(@Nullable Zone newZone, boolean secrets, boolean server) {
        return new EndpointFacts(
                id,
                identity,
                newZone,
                secrets,
                server,
                firstSeen,
                lastSeen,
                os,
                addresses,
                software,
                securityProducts,
                patches,
                storageDevices,
                backup,
                connectivity);
    }
}
