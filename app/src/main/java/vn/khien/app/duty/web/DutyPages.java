package vn.khien.app.duty.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.app.duty.DutyService;
import vn.khien.app.duty.DutyTeam;
import vn.khien.app.duty.Shift;
import vn.khien.app.duty.ShiftRole;
import vn.khien.app.org.PersonService;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;

/** Duty pages: who is on duty now, gaps in the next 7 days, each team's week as a table, and roster editing. */
@Controller
@RequestMapping("/duty")
class DutyPages {
    private final DutyService duty;
    private final UnitService units;
    private final PersonService people;
    private final Clock clock;

    DutyPages(DutyService duty, UnitService units, PersonService people, Clock clock) {
        this.duty = duty;
        this.units = units;
        this.people = people;
        this.clock = clock;
    }

    /** One row of the roster table: a shift slot with its primary and backup. */
    record Slot(
            Instant start,
            Instant end,
            @Nullable String label,
            @Nullable Shift primary,
            @Nullable Shift backup) {}

    @GetMapping
    String index(
            UnitScope scope,
            @RequestParam(required = false) @Nullable Long team,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            Model model) {
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        List<DutyTeam> teams = duty.teams(scope);
        model.addAttribute("teams", teams);
        model.addAttribute("onDuty", duty.onDuty(scope, now));
        model.addAttribute("gaps", duty.gaps(scope, now, now.plus(Duration.ofDays(7))));
        model.addAttribute("units", units.all(scope));
        model.addAttribute("people", people.search(scope, null, null, 1000, 0));
        model.addAttribute("roles", ShiftRole.values());
        DutyTeam selected = team == null
                ? teams.stream().findFirst().orElse(null)
                : teams.stream().filter(t -> t.id() == team).findFirst().orElse(null);
        model.addAttribute("team", selected);
        LocalDate start = from == null ? LocalDate.now(clock) : from;
        model.addAttribute("from", start);
        model.addAttribute("prev", start.minusDays(7));
        model.addAttribute("next", start.plusDays(7));
        if (selected != null) {
            Instant a = start.atStartOfDay(zone).toInstant();
            Instant b = start.plusDays(7).atStartOfDay(zone).toInstant();
            Map<String, Slot> slots = new LinkedHashMap<>();
            for (Shift s : duty.shifts(scope, selected.id(), a, b)) {
                String key = s.startsAt() + "|" + s.endsAt();
                Slot old = slots.getOrDefault(key, new Slot(s.startsAt(), s.endsAt(), s.label(), null, null));
                slots.put(
                        key,
                        s.role() == ShiftRole.PRIMARY
                                ? new Slot(old.start(), old.end(), old.label(), s, old.backup())
                                : new Slot(old.start(), old.end(), old.label(), old.primary(), s));
            }
            model.addAttribute("slots", List.copyOf(slots.values()));
            model.addAttribute("swaps", duty.swaps(scope, selected.id()));
            model.addAttribute("handovers", duty.handovers(scope, selected.id()));
        }
        return "duty/index";
    }

    @PostMapping("/teams")
    String createTeam(
            UnitScope scope,
            @RequestParam long unitId,
            @RequestParam String name,
            @RequestParam(required = false) @Nullable Long leadPersonId) {
        DutyTeam t = duty.createTeam(scope, unitId, name, leadPersonId);
        return "redirect:/duty?team=" + t.id();
    }

    @PostMapping("/teams/{id}/template")
    String template(
            UnitScope scope,
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "3") int shiftsPerDay,
            @RequestParam List<Long> primaries,
            @RequestParam List<Long> backups,
            @RequestParam(defaultValue = "Trực Tết") String label) {
        duty.applyHolidayTemplate(scope, id, from, to, shiftsPerDay, primaries, backups, label);
        return "redirect:/duty?team=" + id + "&from=" + from;
    }

    @PostMapping("/teams/{id}/shifts")
    String shift(
            UnitScope scope,
            @PathVariable long id,
            @RequestParam String start,
            @RequestParam String end,
            @RequestParam long personId,
            @RequestParam ShiftRole role,
            @RequestParam(required = false) @Nullable String label) {
        ZoneId zone = clock.getZone();
        duty.addShift(
                scope,
                id,
                LocalDateTime.parse(start).atZone(zone).toInstant(),
                LocalDateTime.parse(end).atZone(zone).toInstant(),
                personId,
                role,
                label);
        return "redirect:/duty?team=" + id;
    }

    @PostMapping("/teams/{id}/swaps")
    String swap(UnitScope scope, @PathVariable long id, @RequestParam long shiftId, @RequestParam long toPersonId) {
        duty.requestSwap(scope, shiftId, toPersonId);
        return "redirect:/duty?team=" + id;
    }

    @PostMapping("/teams/{id}/swaps/{swapId}")
    String decide(UnitScope scope, @PathVariable long id, @PathVariable long swapId, @RequestParam boolean approve) {
        duty.decideSwap(scope, swapId, approve);
        return "redirect:/duty?team=" + id;
    }

    @PostMapping("/teams/{id}/handovers")
    String handover(UnitScope scope, @PathVariable long id, @RequestParam String note) {
        duty.handover(scope, id, null, note);
        return "redirect:/duty?team=" + id;
    }
}
