package vn.khien.app.org;

import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.org.internal.PersonDao;
import vn.khien.app.org.internal.UnitDao;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.ingest.Rejection;
import vn.khien.core.org.Cidr;
import vn.khien.core.org.CsvRead;
import vn.khien.core.org.OrgCsv;
import vn.khien.core.org.PersonRow;
import vn.khien.core.org.UnitRow;

/**
 * Imports the units and people spreadsheets. Rows the parser or the database checks refuse are reported
 * with their line and column; all other rows are applied in one transaction, so a failure part-way leaves
 * nothing behind. Re-importing the same file changes nothing and counts its rows as duplicates.
 */
@Service
public class OrgImportService {
    private final UnitDao units;
    private final PersonDao people;
    private final AuditTrail audit;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    public OrgImportService(
            UnitDao units,
            PersonDao people,
            AuditTrail audit,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.units = units;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public OrgImportResult importUnits(UnitScope scope, Reader csv) {
        CsvRead<UnitRow> read = OrgCsv.readUnits(csv);
        Counts c = new Counts(read.report());
        Map<String, UnitRow> pending = new LinkedHashMap<>();
        Map<String, Long> claimedBy = new HashMap<>();
        rows:
        for (UnitRow row : read.rows()) {
            // the first row in the file that names a network or domain gets it, whatever order parents force
            List<String> claims = new ArrayList<>();
            row.ipRanges().forEach(cidr -> claims.add(cidr.toString()));
            claims.addAll(row.emailDomains());
            for (String claim : claims) {
                Long first = claimedBy.putIfAbsent(claim, row.line());
                if (first != null) {
                    c.reject(
                            row.line(),
                            claim.contains("/") ? "ip" : "domains",
                            claim + " is already given to the unit on line " + first);
                    continue rows;
                }
            }
            pending.put(row.code().toUpperCase(Locale.ROOT), row);
        }
        Map<String, Long> resolved = new HashMap<>();
        // Parents may come later in the file than their children: apply in passes until nothing moves.
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var it = pending.values().iterator(); it.hasNext(); ) {
                UnitRow row = it.next();
                Long parentId = null;
                if (row.parentCode() != null) {
                    String pc = row.parentCode().toUpperCase(Locale.ROOT);
                    if (pending.containsKey(pc)) {
                        continue;
                    }
                    parentId = resolved.containsKey(pc)
                            ? resolved.get(pc)
                            : units.findByCode(pc).map(Unit::id).orElse(null);
                    if (parentId == null) {
                        c.reject(row.line(), "parent", "unknown parent unit code '" + row.parentCode() + "'");
                        it.remove();
                        progress = true;
                        continue;
                    }
                    if (!scope.allows(parentId)) {
                        c.reject(row.line(), "parent", "parent unit '" + row.parentCode() + "' is outside your scope");
                        it.remove();
                        progress = true;
                        continue;
                    }
                } else if (!scope.all()) {
                    c.reject(row.line(), "parent", "only province-wide roles may import a top unit");
                    it.remove();
                    progress = true;
                    continue;
                }
                applyUnit(row, parentId, c)
                        .ifPresent(id -> resolved.put(row.code().toUpperCase(Locale.ROOT), id));
                it.remove();
                progress = true;
            }
        }
        for (UnitRow row : pending.values()) {
            c.reject(row.line(), "parent", "parent chain of '" + row.code() + "' forms a cycle");
        }
        return c.result(read.unknownColumns());
    }

    private Optional<Long> applyUnit(UnitRow row, Long parentId, Counts c) {
        Optional<Unit> existing = units.findByCode(row.code());
        for (Cidr cidr : row.ipRanges()) {
            Optional<IpRange> owner = units.findRange(cidr.toString());
            if (owner.isPresent()
                    && existing.map(u -> u.id() != owner.get().unitId()).orElse(true)) {
                c.reject(row.line(), "ip", "network " + cidr + " already belongs to another unit");
                return Optional.empty();
            }
        }
        for (String d : row.emailDomains()) {
            Optional<Long> owner = units.domainOwner(d);
            if (owner.isPresent() && existing.map(u -> u.id() != owner.get()).orElse(true)) {
                c.reject(row.line(), "domains", "domain " + d + " already belongs to another unit");
                return Optional.empty();
            }
        }
        LocalDate from = row.validFrom() == null ? LocalDate.now(clock) : row.validFrom();
        long id;
        boolean changed = false;
        if (existing.isEmpty()) {
            id = units.insert(row.code(), row.name(), row.kind(), parentId, from, "CREATED");
            audit.record("unit.import", "unit", id, id, null, row);
            c.created++;
            changed = true;
        } else {
            Unit u = existing.get();
            id = u.id();
            if (!u.name().equals(row.name()) || u.kind() != row.kind() || !Objects.equals(u.parentId(), parentId)) {
                LocalDate d = from.isAfter(u.validFrom()) ? from : LocalDate.now(clock);
                units.closeVersion(id, d);
                units.openVersion(
                        id,
                        row.name(),
                        row.kind(),
                        parentId,
                        d,
                        Objects.equals(u.parentId(), parentId) ? "RENAMED" : "MOVED");
                audit.record("unit.import", "unit", id, id, u, row);
                c.updated++;
                changed = true;
            }
        }
        List<String> haveRanges =
                units.ipRanges(id).stream().map(IpRange::network).toList();
        for (Cidr cidr : row.ipRanges()) {
            if (!haveRanges.contains(cidr.toString())) {
                units.addIpRange(id, cidr.toString(), null);
                changed = true;
            }
        }
        List<String> haveDomains = units.domains(id);
        for (String d : row.emailDomains()) {
            if (!haveDomains.contains(d)) {
                units.addDomain(id, d);
                changed = true;
            }
        }
        if (!changed) {
            c.duplicates++;
        }
        return Optional.of(id);
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER','UNIT_HEAD')")
    @Transactional
    public OrgImportResult importPeople(UnitScope scope, Reader csv) {
        CsvRead<PersonRow> read = OrgCsv.readPeople(csv);
        Counts c = new Counts(read.report());
        Map<String, Unit> unitByCode = new HashMap<>();
        for (PersonRow row : read.rows()) {
            Unit unit =
                    unitByCode.computeIfAbsent(row.unitCode().toUpperCase(Locale.ROOT), code -> units.findByCode(code)
                            .orElse(null));
            if (unit == null) {
                c.reject(row.line(), "unit", "unknown unit code '" + row.unitCode() + "'");
                continue;
            }
            if (!scope.allows(unit.id())) {
                c.reject(row.line(), "unit", "unit '" + row.unitCode() + "' is outside your scope");
                continue;
            }
            Optional<Long> existingId = row.email() == null ? Optional.empty() : people.idByEmail(row.email());
            if (existingId.isEmpty()) {
                boolean sameNameInUnit =
                        people.search(UnitScope.province(), java.util.Set.of(unit.id()), row.fullName(), 50, 0).stream()
                                .anyMatch(p -> p.fullName().equals(row.fullName())
                                        && p.email() == null
                                        && row.email() == null);
                if (sameNameInUnit) {
                    c.duplicates++;
                    continue;
                }
                long id = people.insert(
                        row.fullName(), row.position(), unit.id(), row.email(), row.phone(), row.active(), row.roles());
                audit.record("person.import", "person", id, unit.id(), null, row);
                c.created++;
                continue;
            }
            Person before = people.find(UnitScope.province(), existingId.get()).orElseThrow();
            if (!scope.allows(before.unitId())) {
                c.reject(row.line(), "email", "email " + row.email() + " belongs to a person outside your scope");
                continue;
            }
            boolean same = before.fullName().equals(row.fullName())
                    && Objects.equals(before.position(), row.position())
                    && before.unitId() == unit.id()
                    && Objects.equals(before.phone(), row.phone())
                    && before.active() == row.active()
                    && before.roles().equals(row.roles());
            if (same) {
                c.duplicates++;
            } else {
                people.update(
                        before.id(),
                        row.fullName(),
                        row.position(),
                        unit.id(),
                        row.email(),
                        row.phone(),
                        row.active(),
                        row.roles());
                audit.record("person.import", "person", before.id(), unit.id(), before, row);
                if (before.active() && !row.active()) {
                    events.publishEvent(new PersonLeft(before.id(), unit.id()));
                }
                c.updated++;
            }
        }
        return c.result(read.unknownColumns());
    }

    /** Merges the parser's report with the rejections and outcomes of the database pass. */
    private static final class Counts {
        private final ImportReport parsed;
        private final List<Rejection> rejections = new ArrayList<>();
        int created;
        int updated;
        int duplicates;

        Counts(ImportReport parsed) {
            this.parsed = parsed;
            rejections.addAll(parsed.rejections());
        }

        void reject(long line, String column, String reason) {
            rejections.add(new Rejection(line, column, reason));
        }

        OrgImportResult result(List<String> unknownColumns) {
            long extra = rejections.size() - parsed.rejections().size();
            rejections.sort(java.util.Comparator.comparingLong(Rejection::line));
            ImportReport report = new ImportReport(
                    parsed.read(), parsed.accepted() - extra, parsed.rejected() + extra, duplicates, rejections);
            return new OrgImportResult(report, unknownColumns, created, updated);
        }
    }
}
