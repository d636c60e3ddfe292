package vn.khien.app.duty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.duty.internal.DutyDao;
import vn.khien.app.org.Person;
import vn.khien.app.org.PersonService;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;

/**
 * Duty rosters within the caller's scope: teams, shifts, the Tết template, swaps, handovers, who is on duty and
 * coverage gaps. Every change is audited.
 */
@Service
public class DutyService {
    static final String PLANNERS = "hasAnyRole('ADMIN','COORDINATOR')";
    static final String MEMBERS = "hasAnyRole('ADMIN','COORDINATOR','POLICE','RESPONDER','IT_OFFICER')";

    private final DutyDao dao;
    private final UnitService units;
    private final PersonService people;
    private final AuditTrail audit;
    private final Clock clock;

    public DutyService(DutyDao dao, UnitService units, PersonService people, AuditTrail audit, Clock clock) {
        this.dao = dao;
        this.units = units;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<DutyTeam> teams(UnitScope scope) {
        return dao.teams(scope).stream().map(this::team).toList();
    }

    @Transactional(readOnly = true)
    public DutyTeam team(UnitScope scope, long id) {
        DutyDao.TeamRow row = dao.team(id)
                .filter(t -> scope.allows(t.unitId()))
                .orElseThrow(() -> new DutyException(DutyException.Kind.NOT_FOUND, "team " + id + " not found"));
        return team(row);
    }

    @PreAuthorize(PLANNERS)
    @Transactional
    public DutyTeam createTeam(UnitScope scope, long unitId, String name, @Nullable Long leadPersonId) {
        if (units.find(scope, unitId).isEmpty()) {
            throw new DutyException(DutyException.Kind.NOT_FOUND, "unit " + unitId + " not found");
        }
        if (name.isBlank()) {
            throw new DutyException(DutyException.Kind.INVALID, "a team needs a name");
        }
        if (leadPersonId != null) {
            person(leadPersonId);
        }
        long id = dao.insertTeam(unitId, name.strip(), leadPersonId);
        DutyTeam t = team(scope, id);
        audit.record("duty.team.create", "duty_team", id, unitId, null, t);
        return t;
    }

    /** Shifts of a team overlapping {@code [from, to)}. */
    @Transactional(readOnly = true)
    public List<Shift> shifts(UnitScope scope, long teamId, Instant from, Instant to) {
        team(scope, teamId);
        return dao.shifts(teamId, from, to).stream().map(this::shift).toList();
    }

    @PreAuthorize(PLANNERS)
    @Transactional
    public Shift addShift(
            UnitScope scope,
            long teamId,
            Instant start,
            Instant end,
            long personId,
            ShiftRole role,
            @Nullable String label) {
        DutyTeam t = team(scope, teamId);
        if (!end.isAfter(start)) {
            throw new DutyException(DutyException.Kind.INVALID, "a shift must end after it starts");
        }
        person(personId);
        long id = dao.insertShift(teamId, start, end, personId, role, label);
        Shift s = shift(dao.shift(id).orElseThrow());
        audit.record("duty.shift.add", "duty_shift", id, t.unitId(), null, s);
        return s;
    }

    /**
     * The Tết template: 24/7 coverage from {@code from} to {@code to} (inclusive, local dates) in
     * {@code shiftsPerDay} equal shifts per day, each with a primary and a backup taken in turn from the two
     * lists. Refused when the team already has shifts in the period, so applying it twice creates nothing twice.
     */
    @PreAuthorize(PLANNERS)
    @Transactional
    public List<Shift> applyHolidayTemplate(
            UnitScope scope,
            long teamId,
            LocalDate from,
            LocalDate to,
            int shiftsPerDay,
            List<Long> primaries,
            List<Long> backups,
            String label) {
        DutyTeam t = team(scope, teamId);
        if (to.isBefore(from) || from.plusDays(62).isBefore(to)) {
            throw new DutyException(DutyException.Kind.INVALID, "a holiday period lasts 1 to 62 days");
        }
        if (shiftsPerDay < 1 || 24 % shiftsPerDay != 0) {
            throw new DutyException(DutyException.Kind.INVALID, "shifts per day must divide 24");
        }
        if (primaries.isEmpty() || backups.isEmpty()) {
            throw new DutyException(DutyException.Kind.INVALID, "the template needs primaries and backups");
        }
        primaries.forEach(this::person);
        backups.forEach(this::person);
        ZoneId zone = clock.getZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        if (!dao.shifts(teamId, start, end).isEmpty()) {
            throw new DutyException(DutyException.Kind.CONFLICT, "the team already has shifts in this period");
        }
        List<DutyDao.ShiftRow> rows = new ArrayList<>();
        int hours = 24 / shiftsPerDay;
        int k = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            for (int s = 0; s < shiftsPerDay; s++, k++) {
                ZonedDateTime a = d.atStartOfDay(zone).plusHours((long) s * hours);
                ZonedDateTime b = s == shiftsPerDay - 1 ? d.plusDays(1).atStartOfDay(zone) : a.plusHours(hours);
                long p = primaries.get(k % primaries.size());
                long bk = backups.get(k % backups.size());
                if (p == bk) {
                    bk = backups.get((k + 1) % backups.size());
                }
                String l = label + " — ca " + (s + 1);
                rows.add(new DutyDao.ShiftRow(0, teamId, a.toInstant(), b.toInstant(), p, ShiftRole.PRIMARY, l));
                rows.add(new DutyDao.ShiftRow(0, teamId, a.toInstant(), b.toInstant(), bk, ShiftRole.BACKUP, l));
            }
        }
        dao.insertShifts(teamId, rows);
        audit.record(
                "duty.template.apply",
                "duty_team",
                teamId,
                t.unitId(),
                null,
                label + ": " + from + " → " + to + ", " + rows.size() + " shifts");
        return shifts(scope, teamId, start, end);
    }

    /** Who is on duty at {@code at} in every team in scope. */
    @Transactional(readOnly = true)
    public List<OnDuty> onDuty(UnitScope scope, Instant at) {
        return teams(scope).stream().map(t -> onDuty(t, at)).toList();
    }

    /**
     * The escalation chain at {@code at} for the system's routing (not limited by a caller's scope): the first
     * team, by id, that has a primary or a backup on duty; empty when nobody is.
     */
    @Transactional(readOnly = true)
    public Optional<OnDuty> chainAt(Instant at) {
        return teams(UnitScope.province()).stream()
                .map(t -> onDuty(t, at))
                .filter(o -> o.primary() != null || o.backup() != null)
                .findFirst();
    }

    private OnDuty onDuty(DutyTeam t, Instant at) {
        List<Shift> now = dao.shifts(t.id(), at, at.plusNanos(1000)).stream()
                .map(this::shift)
                .toList();
        return new OnDuty(
                t,
                now.stream()
                        .filter(s -> s.role() == ShiftRole.PRIMARY)
                        .findFirst()
                        .orElse(null),
                now.stream()
                        .filter(s -> s.role() == ShiftRole.BACKUP)
                        .findFirst()
                        .orElse(null));
    }

    /** Periods in {@code [from, to)} where a team in scope has no primary or no backup. */
    @Transactional(readOnly = true)
    public List<CoverageGap> gaps(UnitScope scope, Instant from, Instant to) {
        List<CoverageGap> out = new ArrayList<>();
        for (DutyTeam t : teams(scope)) {
            List<DutyDao.ShiftRow> shifts = dao.shifts(t.id(), from, to);
            for (ShiftRole role : ShiftRole.values()) {
                List<Instant[]> spans = shifts.stream()
                        .filter(s -> s.role() == role)
                        .map(s -> new Instant[] {s.startsAt(), s.endsAt()})
                        .toList();
                for (Instant[] g : uncovered(spans, from, to)) {
                    out.add(new CoverageGap(t.id(), t.name(), role, g[0], g[1]));
                }
            }
        }
        out.sort(Comparator.comparing(CoverageGap::from));
        return out;
    }

    /** The parts of {@code [from, to)} that no span covers. */
    static List<Instant[]> uncovered(List<Instant[]> spans, Instant from, Instant to) {
        List<Instant[]> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(s -> s[0]));
        List<Instant[]> gaps = new ArrayList<>();
        Instant cursor = from;
        for (Instant[] s : sorted) {
            if (s[0].isAfter(cursor)) {
                gaps.add(new Instant[] {cursor, s[0].isBefore(to) ? s[0] : to});
            }
            if (s[1].isAfter(cursor)) {
                cursor = s[1];
            }
            if (!cursor.isBefore(to)) {
                break;
            }
        }
        if (cursor.isBefore(to)) {
            gaps.add(new Instant[] {cursor, to});
        }
        gaps.removeIf(g -> !g[0].isBefore(g[1]));
        return gaps;
    }

    @PreAuthorize(MEMBERS)
    @Transactional
    public Swap requestSwap(UnitScope scope, long shiftId, long toPersonId) {
        DutyDao.ShiftRow s = dao.shift(shiftId)
                .orElseThrow(() -> new DutyException(DutyException.Kind.NOT_FOUND, "shift " + shiftId + " not found"));
        DutyTeam t = team(scope, s.teamId());
        person(toPersonId);
        if (toPersonId == s.personId()) {
            throw new DutyException(DutyException.Kind.INVALID, "the shift already belongs to that person");
        }
        long id = dao.insertSwap(shiftId, s.personId(), toPersonId, actor(), clock.instant());
        Swap w = dao.swap(id).orElseThrow();
        audit.record("duty.swap.request", "duty_swap", id, t.unitId(), null, w);
        return w;
    }

    @PreAuthorize(PLANNERS)
    @Transactional
    public Swap decideSwap(UnitScope scope, long swapId, boolean approve) {
        Swap before = dao.swap(swapId)
                .orElseThrow(() -> new DutyException(DutyException.Kind.NOT_FOUND, "swap " + swapId + " not found"));
        DutyDao.ShiftRow s = dao.shift(before.shiftId()).orElseThrow();
        DutyTeam t = team(scope, s.teamId());
        if (!"REQUESTED".equals(before.status())) {
            throw new DutyException(DutyException.Kind.CONFLICT, "swap " + swapId + " was already decided");
        }
        dao.decideSwap(swapId, approve ? "APPROVED" : "REJECTED", actor(), clock.instant());
        if (approve) {
            dao.reassign(s.id(), before.toPersonId());
        }
        Swap after = dao.swap(swapId).orElseThrow();
        audit.record("duty.swap.decide", "duty_swap", swapId, t.unitId(), before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public List<Swap> swaps(UnitScope scope, long teamId) {
        team(scope, teamId);
        return dao.swaps(teamId);
    }

    @PreAuthorize(MEMBERS)
    @Transactional
    public Handover handover(UnitScope scope, long teamId, @Nullable Long shiftId, String note) {
        DutyTeam t = team(scope, teamId);
        if (note.isBlank() || note.length() > 4000) {
            throw new DutyException(DutyException.Kind.INVALID, "a handover note has 1 to 4000 characters");
        }
        long id = dao.insertHandover(teamId, shiftId, actor(), clock.instant(), note.strip());
        Handover h = dao.handovers(teamId, 1).get(0);
        audit.record("duty.handover", "duty_handover", id, t.unitId(), null, h);
        return h;
    }

    @Transactional(readOnly = true)
    public List<Handover> handovers(UnitScope scope, long teamId) {
        team(scope, teamId);
        return dao.handovers(teamId, 50);
    }

    /** A person's name, for routing messages; any unit. */
    @Transactional(readOnly = true)
    public String nameOf(long personId) {
        return person(personId).fullName();
    }

    private Person person(long id) {
        return people.get(UnitScope.province(), id);
    }

    private DutyTeam team(DutyDao.TeamRow r) {
        String lead = r.leadPersonId() == null ? null : person(r.leadPersonId()).fullName();
        return new DutyTeam(r.id(), r.unitId(), r.name(), r.leadPersonId(), lead);
    }

    private Shift shift(DutyDao.ShiftRow r) {
        return new Shift(
                r.id(),
                r.teamId(),
                r.startsAt(),
                r.endsAt(),
                r.personId(),
                person(r.personId()).fullName(),
                r.role(),
                r.label());
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
