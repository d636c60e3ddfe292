package vn.khien.app.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Legal deadlines from T0: hours across midnight, calendar days across weekends and holidays, the 01/07/2026 switch. */
class DeadlineRulesTests {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    final DeadlineRules rules = DeadlineRules.shipped();

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(VN).toInstant();
    }

    static Deadline byId(List<Deadline> ds, String id) {
        return ds.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void currentRegimeCountsHoursAcrossMidnight() {
        List<Deadline> ds = rules.deadlines(at("2026-08-14T23:30"));
        assertThat(ds).extracting(Deadline::id).containsExactly("immediate", "initial-notice", "report");
        assertThat(ds).allSatisfy(d -> assertThat(d.regimeId()).isEqualTo("luat-116-2025"));
        assertThat(byId(ds, "immediate").due()).isEqualTo(at("2026-08-14T23:30"));
        assertThat(byId(ds, "initial-notice").due()).isEqualTo(at("2026-08-15T23:30"));
        // hours ignore weekends: Friday night + 72 h is Monday night
        assertThat(byId(ds, "report").due()).isEqualTo(at("2026-08-17T23:30"));
    }

    @Test
    void warningStartsWhenAQuarterOfTheSpanIsLeft() {
        Deadline d = byId(rules.deadlines(at("2026-09-10T08:00")), "initial-notice");
        assertThat(d.warnAt()).isEqualTo(at("2026-09-11T02:00"));
        assertThat(d.near(at("2026-09-11T01:59"))).isFalse();
        assertThat(d.near(at("2026-09-11T02:00"))).isTrue();
        assertThat(d.overdue(at("2026-09-11T08:00:01"))).isTrue();
    }

    @Test
    void legacyRegimeCountsCalendarDaysFromTheNextDay() {
        // Tuesday 10:00 → days Wed..Sun; Sunday is not a working day → end of Monday
        Deadline d = byId(rules.deadlines(at("2026-06-02T10:00")), "notify");
        assertThat(d.regimeId()).isEqualTo("tt20-2017");
        assertThat(d.due()).isEqualTo(at("2026-06-09T00:00"));
    }

    @Test
    void legacyDeadlineEndingOnAWeekdayIsNotMoved() {
        // Friday 23:50 → Sat..Wed; ends 24:00 Wednesday
        Deadline d = byId(rules.deadlines(at("2026-06-05T23:50")), "notify");
        assertThat(d.due()).isEqualTo(at("2026-06-11T00:00"));
    }

    @Test
    void legacyDeadlineRollsOverWeekendAndHolidays() {
        // Monday 09/02/2026 → Saturday 14/02 is Tết; holidays run to 22/02 → end of Monday 23/02
        Deadline d = byId(rules.deadlines(at("2026-02-09T09:00")), "notify");
        assertThat(d.due()).isEqualTo(at("2026-02-24T00:00"));
    }

    @Test
    void regimeSwitchesOnTheFirstOfJulyLocalTime() {
        assertThat(rules.regimeFor(at("2026-06-30T23:59")).id()).isEqualTo("tt20-2017");
        assertThat(rules.regimeFor(at("2026-07-01T00:00")).id()).isEqualTo("luat-116-2025");
        // 30/06 17:30 UTC is already 01/07 00:30 in Hà Nội
        assertThat(rules.regimeFor(Instant.parse("2026-06-30T17:30:00Z")).id()).isEqualTo("luat-116-2025");
        assertThat(rules.deadlines(at("2026-06-30T23:59")))
                .extracting(Deadline::id)
                .containsExactly("notify");
    }

    @Test
    void rejectsARuleWithBothHoursAndDays() {
        String json = """
                {"pack":"x","version":"1","zone":"Asia/Ho_Chi_Minh","warnFraction":0.25,"nonWorkingDays":[],
                 "regimes":[{"id":"r","name":"r","effectiveFrom":"2020-01-01",
                   "deadlines":[{"id":"d","label":"d","hours":1,"days":1}]}]}
                """;
        assertThatThrownBy(() -> DeadlineRules.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("exactly one of hours, days");
    }
}
