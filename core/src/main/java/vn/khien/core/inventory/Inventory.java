package vn.khien.core.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The endpoints known to one import session and their facts; importers apply observations to it and
 * {@link #endpoints()} returns immutable snapshots. Mutable and not thread-safe: one import at a time.
 *
 * <p>Implementation notes: an endpoint is found by osquery host identifier, then host name (case-insensitive),
 * then IP address, so a console CSV row naming {@code PC-KT-01} lands on the machine osquery enrolled under its
 * UUID when that machine reported its host name first. Applying the same input twice gives the same state
 * because each fact is keyed by input and natural key (see {@link FactKind#naturalKey}).
 */
public final class Inventory {
    private final Map<String, HostState> hosts = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    /** An empty inventory. */
    public Inventory() {}

    /** An inventory seeded with known endpoints, e.g. loaded from the database before an import. */
    public static Inventory of(Collection<EndpointFacts> endpoints) {
        Inventory inv = new Inventory();
        for (EndpointFacts e : endpoints) {
            inv.put(e);
        }
        return inv;
    }

    /** Adds or replaces an endpoint with all its facts. */
    public void put(EndpointFacts endpoint) {
        HostState h = HostState.of(endpoint);
        hosts.put(h.id, h);
        aliases.put("x:" + h.id, h.id);
        indexAliases(h);
    }

    /**
     * Sets the officer-owned classification of an endpoint.
     *
     * @throws IllegalArgumentException when no endpoint has that id
     */
    public void classify(String id, @Nullable Zone zone, boolean handlesStateSecrets, boolean server) {
        HostState h = hosts.get(id);
        if (h == null) {
            throw new IllegalArgumentException("no endpoint with id '" + id + "'");
        }
        h.zone = zone;
        h.secrets = handlesStateSecrets;
        h.server = server;
    }

    /** The endpoint with this id, if known. */
    public Optional<EndpointFacts> endpoint(String id) {
        HostState h = hosts.get(id);
        return h == null ? Optional.empty() : Optional.of(h.toFacts());
    }

    /** The id of the endpoint known by this osquery host identifier, host name or IP address. */
    public Optional<String> findId(String nameOrAddress) {
        String s = nameOrAddress.strip();
        String id = aliases.get("x:" + s);
        if (id == null) {
            id = aliases.get("h:" + s.toLowerCase(Locale.ROOT));
        }
        if (id == null) {
            id = aliases.get("i:" + s);
        }
        return Optional.ofNullable(id);
    }

    /** Snapshots of all endpoints, ordered by id. */
    public List<EndpointFacts> endpoints() {
        List<HostState> sorted = new ArrayList<>(hosts.values());
        sorted.sort(Comparator.comparing(h -> h.id));
        List<EndpointFacts> out = new ArrayList<>(sorted.size());
        for (HostState h : sorted) {
            out.add(h.toFacts());
        }
        return out;
    }

    /** Number of endpoints. */
    public int size() {
        return hosts.size();
    }

    /** Finds or registers the endpoint for an observation; at least one of the arguments must be non-null. */
    HostState resolve(@Nullable String hostIdentifier, @Nullable String hostname, @Nullable String ip) {
        String id = null;
        if (hostIdentifier != null) {
            id = aliases.get("x:" + hostIdentifier);
        }
        if (id == null && hostname != null) {
            id = aliases.get("h:" + hostname.toLowerCase(Locale.ROOT));
        }
        if (id == null && ip != null && hostname == null) {
            id = aliases.get("i:" + ip);
        }
        HostState h;
        if (id == null) {
            String newId = hostIdentifier != null ? hostIdentifier : hostname != null ? hostname : ip;
            if (newId == null) {
                throw new IllegalArgumentException("an endpoint needs a host identifier, host name or IP address");
            }
            h = new HostState(newId);
            hosts.put(newId, h);
            aliases.put("x:" + newId, newId);
        } else {
            h = hosts.get(id);
        }
        if (hostIdentifier != null) {
            aliases.putIfAbsent("x:" + hostIdentifier, h.id);
        }
        if (hostname != null) {
            aliases.putIfAbsent("h:" + hostname.toLowerCase(Locale.ROOT), h.id);
        }
        if (ip != null) {
            aliases.putIfAbsent("i:" + ip, h.id);
        }
        return h;
    }

    /** Applies a fact to a host and indexes the names and addresses it reveals. */
    void apply(HostState h, EndpointFact fact) {
        h.put(fact);
        if (fact instanceof HostIdentity id) {
            if (id.hostname() != null) {
                aliases.putIfAbsent("h:" + id.hostname().toLowerCase(Locale.ROOT), h.id);
            }
        } else if (fact instanceof NetworkAddress a && a.ip() != null) {
            aliases.putIfAbsent("i:" + a.ip(), h.id);
        }
    }

    private void indexAliases(HostState h) {
        HostIdentity id = h.identity();
        if (id != null && id.hostname() != null) {
            aliases.putIfAbsent("h:" + id.hostname().toLowerCase(Locale.ROOT), h.id);
        }
        var addresses = h.factsView().get(FactKind.ADDRESS);
        if (addresses != null) {
            for (EndpointFact f : addresses.values()) {
                if (f instanceof NetworkAddress a && a.ip() != null) {
                    aliases.putIfAbsent("i:" + a.ip(), h.id);
                }
            }
        }
    }
}
