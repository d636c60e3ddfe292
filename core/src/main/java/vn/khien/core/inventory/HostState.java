package vn.khien.core.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The mutable facts of one endpoint while imports run. Facts are keyed by input and natural key, so applying
 * the same observation twice leaves one fact, and a snapshot of one input replaces only that input's facts.
 */
final class HostState {
    private static final char SEP = '\u0002';

    final String id;

    @Nullable
    Zone zone;

    boolean secrets;
    boolean server;

    @Nullable
    Instant firstSeen;

    @Nullable
    Instant lastSeen;

    private final EnumMap<FactKind, LinkedHashMap<String, EndpointFact>> facts = new EnumMap<>(FactKind.class);

    HostState(String id) {
        this.id = id;
    }

    void seen(Instant t) {
        if (firstSeen == null || t.isBefore(firstSeen)) {
            firstSeen = t;
        }
        if (lastSeen == null || t.isAfter(lastSeen)) {
            lastSeen = t;
        }
    }

    private LinkedHashMap<String, EndpointFact> map(FactKind kind) {
        return facts.computeIfAbsent(kind, k -> new LinkedHashMap<>());
    }

    private static String key(EndpointFact fact) {
        return fact.source().input() + SEP + FactKind.naturalKey(fact);
    }

    /** Adds or replaces a fact; a storage device seen again keeps its first sighting and extends its last. */
    void put(EndpointFact fact) {
        FactKind kind = FactKind.of(fact);
        String key = key(fact);
        LinkedHashMap<String, EndpointFact> m = map(kind);
        if (fact instanceof RemovableStorageDevice d && m.get(key) instanceof RemovableStorageDevice old) {
            Instant first = old.firstSeen().isBefore(d.firstSeen()) ? old.firstSeen() : d.firstSeen();
            Instant last = old.lastSeen().isAfter(d.lastSeen()) ? old.lastSeen() : d.lastSeen();
            FactSource src = old.source().observedAt().isAfter(d.source().observedAt()) ? old.source() : d.source();
            String vendor = d.vendor() != null ? d.vendor() : old.vendor();
            String model = d.model() != null ? d.model() : old.model();
            m.put(key, new RemovableStorageDevice(vendor, model, d.serial(), first, last, src));
            return;
        }
        m.put(key, fact);
    }

    /** Removes a fact equal in kind, input and natural key; history facts are kept. */
    void remove(EndpointFact fact) {
        FactKind kind = FactKind.of(fact);
        if (!kind.isHistory()) {
            LinkedHashMap<String, EndpointFact> m = facts.get(kind);
            if (m != null) {
                m.remove(key(fact));
            }
        }
    }

    /** Forgets every fact of the kind that came from the input (history facts are kept). */
    void clear(FactKind kind, String input) {
        if (kind.isHistory()) {
            return;
        }
        LinkedHashMap<String, EndpointFact> m = facts.get(kind);
        if (m != null && !m.isEmpty()) {
            m.values().removeIf(f -> f.source().input().equals(input));
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends EndpointFact> List<T> list(FactKind kind) {
        LinkedHashMap<String, EndpointFact> m = facts.get(kind);
        if (m == null || m.isEmpty()) {
            return List.of();
        }
        return (List<T>) new ArrayList<>(m.values());
    }

    private <T extends EndpointFact> @Nullable T latest(FactKind kind) {
        T best = null;
        for (T f : this.<T>list(kind)) {
            if (best == null || !f.source().observedAt().isBefore(best.source().observedAt())) {
                best = f;
            }
        }
        return best;
    }

    private @Nullable BackupStatus latestBackup() {
        BackupStatus best = null;
        for (BackupStatus b : this.<BackupStatus>list(FactKind.BACKUP)) {
            if (best == null || b.lastSuccess().isAfter(best.lastSuccess())) {
                best = b;
            }
        }
        return best;
    }

    @Nullable
    HostIdentity identity() {
        return latest(FactKind.IDENTITY);
    }

    EndpointFacts toFacts() {
        return new EndpointFacts(
                id,
                identity(),
                zone,
                secrets,
                server,
                firstSeen,
                lastSeen,
                latest(FactKind.OS),
                list(FactKind.ADDRESS),
                list(FactKind.SOFTWARE),
                list(FactKind.SECURITY),
                list(FactKind.PATCH),
                list(FactKind.USB),
                latestBackup(),
                list(FactKind.CONNECTIVITY));
    }

    static HostState of(EndpointFacts e) {
        HostState h = new HostState(e.id());
        h.zone = e.zone();
        h.secrets = e.handlesStateSecrets();
        h.server = e.serverRole();
        h.firstSeen = e.firstSeen();
        h.lastSeen = e.lastSeen();
        List<EndpointFact> all = new ArrayList<>();
        if (e.identity() != null) {
            all.add(e.identity());
        }
        if (e.os() != null) {
            all.add(e.os());
        }
        if (e.backup() != null) {
            all.add(e.backup());
        }
        all.addAll(e.addresses());
        all.addAll(e.software());
        all.addAll(e.securityProducts());
        all.addAll(e.patches());
        all.addAll(e.storageDevices());
        all.addAll(e.connectivity());
        for (EndpointFact f : all) {
            h.put(f);
        }
        return h;
    }

    Map<FactKind, LinkedHashMap<String, EndpointFact>> factsView() {
        return facts;
    }
}
