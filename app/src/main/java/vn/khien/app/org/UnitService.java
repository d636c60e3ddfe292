package vn.khien.app.org;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.org.internal.PersonDao;
import vn.khien.app.org.internal.UnitDao;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.org.Cidr;

/**
 * Units of the province: reading the tree within the caller's scope, and the changes the 2025 reforms made
 * routine (create, rename, move, merge), each keeping history and each audited.
 */
@Service
public class UnitService {
    private final UnitDao units;
    private final PersonDao people;
    private final AuditTrail audit;
    private final Clock clock;

    public UnitService(UnitDao units, PersonDao people, AuditTrail audit, Clock clock) {
        this.units = units;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Unit get(UnitScope scope, long id) {
        return units.find(scope, id).orElseThrow(() -> OrgException.notFound("unit " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Unit> find(UnitScope scope, long id) {
        return units.find(scope, id);
    }

    @Transactional(readOnly = true)
    public List<Unit> roots(UnitScope scope) {
        return units.roots(scope);
    }

    @Transactional(readOnly = true)
    public List<Unit> children(UnitScope scope, long parentId) {
        return units.children(scope, parentId);
    }

    @Transactional(readOnly = true)
    public List<Unit> all(UnitScope scope) {
        return units.all(scope);
    }

    @Transactional(readOnly = true)
    public List<Unit> asOf(UnitScope scope, LocalDate date) {
        return units.asOf(scope, date);
    }

    /** Ids of the unit and its current descendants; used to build a caller's scope. */
    @Transactional(readOnly = true)
    public Set<Long> subtreeIds(long unitId) {
        return units.subtree(unitId);
    }

    @Transactional(readOnly = true)
    public List<UnitVersion> history(UnitScope scope, long id) {
        get(scope, id);
        return units.history(id);
    }

    @Transactional(readOnly = true)
    public List<IpRange> ipRanges(UnitScope scope, long id) {
        get(scope, id);
        return units.ipRanges(id);
    }

    @Transactional(readOnly = true)
    public List<String> emailDomains(UnitScope scope, long id) {
        get(scope, id);
        return units.domains(id);
    }

    /** The unit owning {@code ip} by longest-prefix match over unit networks, within scope. */
    @Transactional(readOnly = true)
    public Optional<IpRange> ownerOf(UnitScope scope, String ip) {
        // parsing first rejects host names, so the database never sees (or resolves) anything but an address
        Cidr host = parseCidr(ip);
        return units.owner(scope, host.address());
    }

    @Transactional(readOnly = true)
    public long count() {
        return units.count();
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public Unit create(UnitScope scope, UnitDraft draft) {
        if (draft.parentId() == null) {
            if (!scope.all()) {
                throw new OrgException(OrgException.Kind.INVALID, "only province-wide roles may create a top unit");
            }
        } else {
            get(scope, draft.parentId());
        }
        if (units.findByCode(draft.code()).isPresent()) {
            throw new OrgException(OrgException.Kind.CONFLICT, "unit code '" + draft.code() + "' already exists");
        }
        LocalDate from = draft.validFrom() == null ? LocalDate.now(clock) : draft.validFrom();
        long id = units.insert(draft.code(), draft.name().strip(), draft.kind(), draft.parentId(), from, "CREATED");
        Unit created = units.find(UnitScope.province(), id).orElseThrow();
        audit.record("unit.create", "unit", id, id, null, created);
        return created;
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public Unit rename(UnitScope scope, long id, String newName, @Nullable LocalDate from) {
        Unit before = get(scope, id);
        LocalDate d = from == null ? LocalDate.now(clock) : from;
        units.closeVersion(id, d);
        units.openVersion(id, newName.strip(), before.kind(), before.parentId(), d, "RENAMED");
        Unit after = get(scope, id);
        audit.record("unit.rename", "unit", id, id, before, after);
        return after;
    }

    /** Moves a unit under another parent from {@code from}; the old placement stays in the history. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public Unit move(UnitScope scope, long id, long newParentId, @Nullable LocalDate from) {
        Unit before = get(scope, id);
        get(scope, newParentId);
        if (units.subtree(id).contains(newParentId)) {
            throw new OrgException(OrgException.Kind.INVALID, "cannot move a unit under itself or its own sub-unit");
        }
        LocalDate d = from == null ? LocalDate.now(clock) : from;
        units.closeVersion(id, d);
        units.openVersion(id, before.name(), before.kind(), newParentId, d, "MOVED");
        Unit after = get(scope, id);
        audit.record("unit.move", "unit", id, id, before, after);
        return after;
    }

    /**
     * Merges {@code sourceId} into {@code targetId} from {@code from}: the source closes, its sub-units move
     * under the target, and its networks, mail domains and people pass to the target.
     */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public Unit merge(UnitScope scope, long sourceId, long targetId, @Nullable LocalDate from) {
        if (sourceId == targetId) {
            throw new OrgException(OrgException.Kind.INVALID, "a unit cannot be merged into itself");
        }
        Unit source = get(scope, sourceId);
        Unit target = get(scope, targetId);
        if (units.subtree(sourceId).contains(targetId)) {
            throw new OrgException(OrgException.Kind.INVALID, "cannot merge a unit into its own sub-unit");
        }
        LocalDate d = from == null ? LocalDate.now(clock) : from;
        for (Unit child : units.children(UnitScope.province(), sourceId)) {
            units.closeVersion(child.id(), d);
            units.openVersion(child.id(), child.name(), child.kind(), targetId, d, "MOVED");
        }
        units.transferAssets(sourceId, targetId);
        people.moveAll(sourceId, targetId);
        units.closeVersion(sourceId, d);
        units.markMerged(sourceId, targetId);
        audit.record("unit.merge", "unit", sourceId, targetId, source, Map.of("mergedInto", target, "from", d));
        return get(scope, targetId);
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public IpRange addIpRange(UnitScope scope, long unitId, String network, @Nullable String note) {
        get(scope, unitId);
        Cidr cidr = parseCidr(network);
        units.findRange(cidr.toString()).ifPresent(r -> {
            throw new OrgException(
                    OrgException.Kind.CONFLICT, "network " + cidr + " already belongs to unit " + r.unitId());
        });
        long id = units.addIpRange(unitId, cidr.toString(), note);
        IpRange range = new IpRange(id, unitId, cidr.toString(), note);
        audit.record("unit.ip-range.add", "unit", unitId, unitId, null, range);
        return range;
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public void removeIpRange(UnitScope scope, long unitId, long rangeId) {
        get(scope, unitId);
        IpRange range = units.ipRanges(unitId).stream()
                .filter(r -> r.id() == rangeId)
                .findFirst()
                .orElseThrow(() -> OrgException.notFound("IP range " + rangeId));
        units.removeIpRange(unitId, rangeId);
        audit.record("unit.ip-range.remove", "unit", unitId, unitId, range, null);
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public void addEmailDomain(UnitScope scope, long unitId, String domain) {
        get(scope, unitId);
        String d = domain.strip().toLowerCase(java.util.Locale.ROOT);
        if (!d.matches("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9-]+)+")) {
            throw new OrgException(OrgException.Kind.INVALID, "not a domain name: '" + domain + "'");
        }
        units.domainOwner(d).ifPresent(owner -> {
            throw new OrgException(OrgException.Kind.CONFLICT, "domain " + d + " already belongs to unit " + owner);
        });
        try {
            units.addDomain(unitId, d);
        } catch (DuplicateKeyException e) {
            throw new OrgException(OrgException.Kind.CONFLICT, "domain " + d + " already registered");
        }
        audit.record("unit.domain.add", "unit", unitId, unitId, null, Map.of("domain", d));
    }

    static Cidr parseCidr(String network) {
        try {
            return Cidr.parse(network);
        } catch (IllegalArgumentException e) {
            throw new OrgException(OrgException.Kind.INVALID, e.getMessage());
        }
    }
}
