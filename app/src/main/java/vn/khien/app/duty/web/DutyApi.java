package vn.khien.app.duty.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.app.duty.CoverageGap;
import vn.khien.app.duty.DutyService;
import vn.khien.app.duty.DutyTeam;
import vn.khien.app.duty.Handover;
import vn.khien.app.duty.OnDuty;
import vn.khien.app.duty.Shift;
import vn.khien.app.duty.ShiftRole;
import vn.khien.app.duty.Swap;
import vn.khien.app.platform.UnitScope;

/** REST API of duty rosters, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/duty")
@Tag(name = "Duty", description = "Teams, rosters, who is on duty now, coverage gaps")
class DutyApi {
    private final DutyService duty;
    private final Clock clock;

    DutyApi(DutyService duty, Clock clock) {
        this.duty = duty;
        this.clock = clock;
    }

    record NewTeam(long unitId, String name, @Nullable Long leadPersonId) {}

    record NewShift(
            Instant startsAt,
            Instant endsAt,
            long personId,
            ShiftRole role,
            @Nullable String label) {}

    record Template(
            LocalDate from,
            LocalDate to,
            @Nullable Integer shiftsPerDay,
            List<Long> primaries,
            List<Long> backups,
            @Nullable String label) {}

    record SwapRequest(long shiftId, long toPersonId) {}

    record Note(@Nullable Long shiftId, String note) {}

    @GetMapping("/now")
    @Operation(summary = "Who is on duty now (or at ?at=) in every team in scope")
    List<OnDuty> now(UnitScope scope, @RequestParam(required = false) @Nullable Instant at) {
        return duty.onDuty(scope, at == null ? clock.instant() : at);
    }

    @GetMapping("/gaps")
    @Operation(summary = "Coverage gaps in the next days (7 unless ?days=)")
    List<CoverageGap> gaps(UnitScope scope, @RequestParam(defaultValue = "7") int days) {
        Instant now = clock.instant();
        return duty.gaps(scope, now, now.plus(Duration.ofDays(Math.min(Math.max(days, 1), 62))));
    }

    @GetMapping("/teams")
    List<DutyTeam> teams(UnitScope scope) {
        return duty.teams(scope);
    }

    @PostMapping("/teams")
    ResponseEntity<DutyTeam> createTeam(UnitScope scope, @RequestBody NewTeam t) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(duty.createTeam(scope, t.unitId(), t.name(), t.leadPersonId()));
    }

    @GetMapping("/teams/{id}/shifts")
    List<Shift> shifts(UnitScope scope, @PathVariable long id, @RequestParam Instant from, @RequestParam Instant to) {
        return duty.shifts(scope, id, from, to);
    }

    @PostMapping("/teams/{id}/shifts")
    ResponseEntity<Shift> addShift(UnitScope scope, @PathVariable long id, @RequestBody NewShift s) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(duty.addShift(scope, id, s.startsAt(), s.endsAt(), s.personId(), s.role(), s.label()));
    }

    @PostMapping("/teams/{id}/holiday-template")
    @Operation(summary = "Create 24/7 holiday coverage (Tết): shifts per day × days × primary and backup")
    ResponseEntity<List<Shift>> template(UnitScope scope, @PathVariable long id, @RequestBody Template t) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(duty.applyHolidayTemplate(
                        scope,
                        id,
                        t.from(),
                        t.to(),
                        t.shiftsPerDay() == null ? 3 : t.shiftsPerDay(),
                        t.primaries(),
                        t.backups(),
                        t.label() == null ? "Trực Tết" : t.label()));
    }

    @GetMapping("/teams/{id}/swaps")
    List<Swap> swaps(UnitScope scope, @PathVariable long id) {
        return duty.swaps(scope, id);
    }

    @PostMapping("/swaps")
    ResponseEntity<Swap> requestSwap(UnitScope scope, @RequestBody SwapRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED).body(duty.requestSwap(scope, r.shiftId(), r.toPersonId()));
    }

    @PostMapping("/swaps/{id}/approve")
    Swap approve(UnitScope scope, @PathVariable long id) {
        return duty.decideSwap(scope, id, true);
    }

    @PostMapping("/swaps/{id}/reject")
    Swap reject(UnitScope scope, @PathVariable long id) {
        return duty.decideSwap(scope, id, false);
    }

    @GetMapping("/teams/{id}/handovers")
    List<Handover> handovers(UnitScope scope, @PathVariable long id) {
        return duty.handovers(scope, id);
    }

    @PostMapping("/teams/{id}/handovers")
    ResponseEntity<Handover> handover(UnitScope scope, @PathVariable long id, @RequestBody Note n) {
        return ResponseEntity.status(HttpStatus.CREATED).body(duty.handover(scope, id, n.shiftId(), n.note()));
    }
}
