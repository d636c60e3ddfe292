package vn.khien.app.inventory;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.inventory.internal.EndpointDao;
import vn.khien.app.inventory.internal.ImportDao;
import vn.khien.app.inventory.internal.Micros;
import vn.khien.app.inventory.internal.ProfileDao;
import vn.khien.app.org.IpRange;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.inventory.AvConsoleCsvImporter;
import vn.khien.core.inventory.AvConsoleProfile;
import vn.khien.core.inventory.AvCsvImport;
import vn.khien.core.inventory.EndpointFacts;
import vn.khien.core.inventory.EndpointReport;
import vn.khien.core.inventory.EndpointReports;
import vn.khien.core.inventory.Inventory;
import vn.khien.core.inventory.OsqueryResultImporter;

/**
 * Endpoints and their facts: imports through core's importers (each in one transaction, idempotent: an endpoint is
 * written only when its facts changed), automatic registration of unknown hosts in the unit owning their address,
 * reassignment and classification by officers, and scoped reads.
 */
@Service
public class InventoryService {
    /** Roles allowed to import and change endpoints. */
    static final String WRITERS = "hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER')";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EndpointDao endpoints;
    private final ImportDao imports;
    private final ProfileDao profileDao;
    private final UnitService units;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public InventoryService(
            EndpointDao endpoints,
            ImportDao imports,
            ProfileDao profileDao,
            UnitService units,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.endpoints = endpoints;
        this.imports = imports;
        this.profileDao = profileDao;
        this.units = units;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The console CSV profiles: those shipped with Khiên, then those officers added. */
    @Transactional(readOnly = true)
    public List<AvConsoleProfile> profiles() {
        List<AvConsoleProfile> out = new ArrayList<>(AvConsoleProfile.builtIn());
        for (String json : profileDao.all()) {
            out.add(AvConsoleProfile.parse(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        }
        return out;
    }

    /**
     * Adds or replaces a console CSV profile from its JSON (the shape of core's shipped profiles); shipped ids are
     * reserved.
     */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public AvConsoleProfile saveProfile(String json) {
        if (json.length() > 256 * 1024) {
            throw new InventoryException(InventoryException.Kind.INVALID, "profile larger than 256 KiB");
        }
        AvConsoleProfile p;
        try {
            p = AvConsoleProfile.parse(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new InventoryException(InventoryException.Kind.INVALID, e.getMessage());
        }
        if (AvConsoleProfile.builtIn().stream().anyMatch(b -> b.id().equals(p.id()))) {
            throw new InventoryException(
                    InventoryException.Kind.INVALID, "profile id '" + p.id() + "' is reserved for a shipped profile");
        }
        if (!p.id().matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new InventoryException(
                    InventoryException.Kind.INVALID, "profile id must be lower-case letters, digits and '-'");
        }
        profileDao.upsert(p.id(), p.product(), json, actor(), clock.instant());
        audit.record(
                "inventory.profile.save", "av_console_profile", p.id(), null, null, Map.of("product", p.product()));
        return p;
    }

    private AvConsoleProfile profile(String id) {
        return profiles().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new InventoryException(
                        InventoryException.Kind.INVALID, "unknown console profile '" + id + "'"));
    }

    /** What an importer produced: its report and, for CSVs, the unknown columns. */
    private record Outcome(ImportReport report, List<String> unknownColumns) {}

    /** Imports an osquery result log (JSON lines: snapshot, event and batch forms). */
    @PreAuthorize(WRITERS)
    @Transactional
    public ImportResult importOsqueryLog(UnitScope scope, Reader in, String sourceName) {
        return apply(scope, "osquery-log", sourceName, null, null, null, inv -> {
            ImportReport r = new OsqueryResultImporter(inv).importLog(in);
            return new Outcome(r, List.of());
        });
    }

    /** Imports an antivirus/EDR console CSV export read with the profile ({@code bkav-endpoint}, ...). */
    @PreAuthorize(WRITERS)
    @Transactional
    public ImportResult importAvCsv(
            UnitScope scope, InputStream in, String profileId, Instant exportedAt, String sourceName) {
        AvConsoleProfile profile = profile(profileId);
        return apply(scope, "av-csv/" + profile.id(), sourceName, null, null, null, inv -> {
            AvCsvImport r = new AvConsoleCsvImporter(inv).importCsv(in, profile, exportedAt);
            return new Outcome(r.report(), r.unknownColumns());
        });
    }

    /**
     * Applies one endpoint report ({@code POST /api/v1/endpoints/reports}).
     *
     * @throws vn.khien.core.inventory.EndpointReportException listing every problem when the report is invalid
     */
    @PreAuthorize(WRITERS)
    @Transactional
    public ImportResult submitReport(UnitScope scope, byte[] body) {
        EndpointReport report = EndpointReports.parse(body, clock.instant());
        return apply(scope, "report", report.hostname(), null, null, null, inv -> {
            EndpointReports.apply(report, inv);
            return new Outcome(new ImportReport(1, 1, 0, 0, List.of()), List.of());
        });
    }

    /** Applies the result entries an enrolled osquery agent logged over TLS; new hosts land in the node's unit. */
    @Transactional
    public ImportResult importOsqueryEntries(long nodeUnitId, String hostIdentifier, List<JsonNode> data) {
        java.util.Set<String> keys = new HashSet<>();
        java.util.Set<String> hostnames = new HashSet<>();
        keys.add(hostIdentifier);
        for (JsonNode entry : data) {
            JsonNode h = entry.get("hostIdentifier");
            if (h != null && h.isString()) {
                keys.add(h.asString());
            }
            JsonNode d = entry.get("decorations");
            if (d != null && d.get("hostname") != null && d.get("hostname").isString()) {
                hostnames.add(d.get("hostname").asString());
            }
        }
        return apply(UnitScope.province(), "osquery-tls", hostIdentifier, nodeUnitId, keys, hostnames, inv -> {
            ImportReport r = new OsqueryResultImporter(inv).importEntries(data);
            return new Outcome(r, List.of());
        });
    }

    private ImportResult apply(
            UnitScope scope,
            String kind,
            String sourceName,
            @Nullable Long fallbackUnit,
            java.util.@Nullable Set<String> onlyKeys,
            java.util.@Nullable Set<String> onlyHostnames,
            Function<Inventory, Outcome> work) {
        endpoints.lockForWrite();
        List<EndpointSnapshot> before;
        if (onlyKeys != null && onlyHostnames != null) {
            List<Long> ids = endpoints.idsOf(onlyKeys, onlyHostnames);
            before = ids.isEmpty() ? List.of() : endpoints.snapshots(UnitScope.province(), ids);
        } else {
            before = endpoints.snapshots(UnitScope.province(), null);
        }
        Map<String, EndpointSnapshot> byKey = new HashMap<>();
        List<EndpointFacts> facts = new ArrayList<>(before.size());
        for (EndpointSnapshot s : before) {
            byKey.put(s.facts().id(), s);
            facts.add(s.facts());
        }
        Inventory inv = Inventory.of(facts);
        Outcome outcome = work.apply(inv);
        List<EndpointFacts> changed = new ArrayList<>();
        Map<String, Long> newUnits = new HashMap<>();
        int added = 0;
        int outOfScope = 0;
        for (EndpointFacts raw : inv.endpoints()) {
            EndpointFacts e = Micros.of(raw);
            EndpointSnapshot old = byKey.get(e.id());
            if (old != null && same(old.facts(), e)) {
                continue;
            }
            Long unit = old != null ? old.unitId() : unitFor(e, fallbackUnit);
            if (!scope.all() && (unit == null || !scope.allows(unit))) {
                outOfScope++;
                continue;
            }
            changed.add(e);
            if (old == null) {
                added++;
                if (unit != null) {
                    newUnits.put(e.id(), unit);
                }
            }
        }
        Instant now = clock.instant();
        Map<String, EndpointFacts> previous = new HashMap<>();
        for (EndpointFacts e : changed) {
            EndpointSnapshot old = byKey.get(e.id());
            if (old != null) {
                previous.put(e.id(), old.facts());
            }
        }
        endpoints.save(changed, previous, newUnits, now);
        ImportReport report = outcome.report();
        String json = JSON.writeValueAsString(
                Map.of("report", report, "unknownColumns", outcome.unknownColumns(), "outOfScope", outOfScope));
        Long auditUnit = scope.all() || scope.unitIds().size() != 1
                ? fallbackUnit
                : scope.unitIds().iterator().next();
        long importId = imports.insert(
                kind,
                sourceName,
                auditUnit,
                actor(),
                now,
                report.read(),
                report.accepted(),
                report.rejected(),
                changed.size() - added,
                added,
                json);
        ImportResult result = new ImportResult(
                importId,
                kind,
                sourceName,
                report,
                outcome.unknownColumns(),
                added,
                changed.size() - added,
                outOfScope);
        if (!"osquery-tls".equals(kind) || !changed.isEmpty()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("kind", kind);
            after.put("source", sourceName);
            after.put("read", report.read());
            after.put("accepted", report.accepted());
            after.put("rejected", report.rejected());
            after.put("endpointsNew", added);
            after.put("endpointsChanged", changed.size() - added);
            audit.record("inventory.import", "inventory_import", importId, auditUnit, null, after);
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new EndpointsChanged(kind, changed.size()));
        }
        return result;
    }

    private @Nullable Long unitFor(EndpointFacts e, @Nullable Long fallback) {
        for (String ip : e.ips()) {
            try {
                var owner = units.ownerOf(UnitScope.province(), ip).map(IpRange::unitId);
                if (owner.isPresent()) {
                    return owner.get();
                }
            } catch (RuntimeException ex) {
                // an address the unit table cannot parse owns nothing
            }
        }
        return fallback;
    }

    /** Equality of two snapshots ignoring the order facts are listed in. */
    static boolean same(EndpointFacts a, EndpointFacts b) {
        return a.id().equals(b.id())
                && Objects.equals(a.identity(), b.identity())
                && a.zone() == b.zone()
                && a.handlesStateSecrets() == b.handlesStateSecrets()
                && a.serverRole() == b.serverRole()
                && Objects.equals(a.firstSeen(), b.firstSeen())
                && Objects.equals(a.lastSeen(), b.lastSeen())
                && Objects.equals(a.os(), b.os())
                && Objects.equals(a.backup(), b.backup())
                && new HashSet<>(a.addresses()).equals(new HashSet<>(b.addresses()))
                && new HashSet<>(a.software()).equals(new HashSet<>(b.software()))
                && new HashSet<>(a.securityProducts()).equals(new HashSet<>(b.securityProducts()))
                && new HashSet<>(a.patches()).equals(new HashSet<>(b.patches()))
                && new HashSet<>(a.storageDevices()).equals(new HashSet<>(b.storageDevices()))
                && new HashSet<>(a.connectivity()).equals(new HashSet<>(b.connectivity()));
    }

    private static String actor() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }

    @Transactional(readOnly = true)
    public List<Endpoint> list(UnitScope scope, EndpointFilter filter, int limit, int offset) {
        return endpoints.list(scope, filter, Math.max(1, Math.min(limit, 100_000)), Math.max(0, offset));
    }

    @Transactional(readOnly = true)
    public long count(UnitScope scope, @Nullable Long unitId) {
        return endpoints.count(scope, unitId);
    }

    @Transactional(readOnly = true)
    public Endpoint get(UnitScope scope, long id) {
        return endpoints.find(scope, id).orElseThrow(() -> InventoryException.notFound("endpoint " + id));
    }

    /**
     * The endpoints owning {@code ips}, by address, in one query (the address last reported wins when two
     * endpoints reported the same one). Addresses no endpoint reported are absent. Not scoped: callers attribute
     * province-wide log lines and apply their own scope.
     */
    @Transactional(readOnly = true)
    public Map<String, EndpointAddress> endpointsByIp(Collection<String> ips) {
        if (ips.isEmpty()) {
            return Map.of();
        }
        return endpoints.byIp(ips);
    }

    /** One endpoint with all its facts and their sources. */
    @Transactional(readOnly = true)
    public EndpointSnapshot snapshot(UnitScope scope, long id) {
        List<EndpointSnapshot> s = endpoints.snapshots(scope, List.of(id));
        if (s.isEmpty()) {
            throw InventoryException.notFound("endpoint " + id);
        }
        return s.get(0);
    }

    /** Every endpoint in scope with its facts (compliance evaluates these). */
    @Transactional(readOnly = true)
    public List<EndpointSnapshot> snapshots(UnitScope scope) {
        return endpoints.snapshots(scope, null);
    }

    /** One import's summary and stored report (rejections with line numbers, unknown columns). */
    @Transactional(readOnly = true)
    public ImportDetail importDetail(UnitScope scope, long id) {
        ImportSummary summary = imports.recent(scope, 100_000).stream()
                .filter(i -> i.id() == id)
                .findFirst()
                .orElseThrow(() -> InventoryException.notFound("import " + id));
        JsonNode json = JSON.readTree(imports.report(scope, id).orElseThrow());
        List<ImportDetail.Line> rejections = new ArrayList<>();
        for (JsonNode r : json.path("report").path("rejections")) {
            rejections.add(new ImportDetail.Line(
                    r.path("line").asLong(),
                    r.path("element").asString(""),
                    r.path("reason").asString("")));
        }
        List<String> unknown = new ArrayList<>();
        json.path("unknownColumns").forEach(c -> unknown.add(c.asString()));
        return new ImportDetail(
                summary, rejections, unknown, json.path("outOfScope").asInt());
    }

    @Transactional(readOnly = true)
    public List<ImportSummary> recentImports(UnitScope scope) {
        return imports.recent(scope, 20);
    }

    /** Moves an endpoint to another unit (both within the caller's scope) and optionally sets its owner. */
    @PreAuthorize(WRITERS)
    @Transactional
    public Endpoint reassign(UnitScope scope, long id, long unitId, @Nullable Long ownerPersonId) {
        Endpoint before = get(scope, id);
        if (units.find(scope, unitId).isEmpty()) {
            throw InventoryException.notFound("unit " + unitId);
        }
        endpoints.setUnit(id, unitId, ownerPersonId);
        Endpoint after = get(UnitScope.province(), id);
        audit.record(
                "endpoint.reassign",
                "endpoint",
                id,
                unitId,
                Map.of("unitId", String.valueOf(before.unitId()), "owner", String.valueOf(before.ownerPersonId())),
                Map.of("unitId", String.valueOf(unitId), "owner", String.valueOf(ownerPersonId)));
        events.publishEvent(new EndpointsChanged("reassign", 1));
        return after;
    }

    /** Sets the zone, state-secret and server flags of one endpoint. */
    @PreAuthorize(WRITERS)
    @Transactional
    public Endpoint classify(UnitScope scope, long id, Classification c) {
        Endpoint before = get(scope, id);
        classifyAll(scope, Map.of(before.hostKey(), c));
        return get(scope, id);
    }

    /** Sets the classification of many endpoints by host key (one audit entry); unknown keys are skipped. */
    @PreAuthorize(WRITERS)
    @Transactional
    public int classifyAll(UnitScope scope, Map<String, Classification> byKey) {
        endpoints.lockForWrite();
        List<EndpointFacts> changed = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        for (EndpointSnapshot s : endpoints.snapshots(scope, null)) {
            Classification c = byKey.get(s.facts().id());
            if (c == null) {
                continue;
            }
            EndpointFacts f = s.facts();
            if (f.zone() == c.zone() && f.handlesStateSecrets() == c.handlesSecrets() && f.serverRole() == c.server()) {
                continue;
            }
            changed.add(f.withClassification(c.zone(), c.handlesSecrets(), c.server()));
            if (summary.size() < 50) {
                summary.put(f.id(), c);
            }
        }
        if (changed.isEmpty()) {
            return 0;
        }
        endpoints.classify(changed, clock.instant());
        audit.record(
                "endpoint.classify",
                "endpoint",
                changed.size() == 1 ? changed.get(0).id() : null,
                null,
                null,
                Map.of("endpoints", changed.size(), "first", summary));
        events.publishEvent(new EndpointsChanged("classify", changed.size()));
        return changed.size();
    }
}
