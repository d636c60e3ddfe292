package vn.khien.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportPeriodTests {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The schedule fires at 06:00 in Vietnam on the 1st, which is still the previous day in UTC. */
    static LocalDate scheduleDay(String utc) {
        return LocalDate.now(Clock.fixed(Instant.parse(utc), VN));
    }

    @Test
    void monthlyScheduleOnTheFirstReportsThePreviousMonth() {
        LocalDate jan1 = scheduleDay("2025-12-31T23:00:00Z");
        assertThat(jan1).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(ReportPeriod.previousMonth(jan1))
                .isEqualTo(new ReportPeriod(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)));
        assertThat(ReportPeriod.previousMonth(scheduleDay("2028-02-29T23:00:00Z")))
                .isEqualTo(new ReportPeriod(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29)));
        assertThat(ReportPeriod.previousMonth(LocalDate.of(2026, 2, 1)).vietnamese())
                .isEqualTo("tháng 01/2026");
    }

    @Test
    void quarterlyScheduleReportsThePreviousQuarter() {
        assertThat(ReportPeriod.previousQuarter(scheduleDay("2025-12-31T23:00:00Z")))
                .isEqualTo(new ReportPeriod(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31)));
        assertThat(ReportPeriod.previousQuarter(scheduleDay("2026-03-31T23:30:00Z")))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));
        assertThat(ReportPeriod.previousQuarter(LocalDate.of(2026, 8, 17)))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)));
        assertThat(ReportPeriod.previousQuarter(LocalDate.of(2026, 1, 1)).vietnamese())
                .isEqualTo("quý IV/2025");
    }

    @Test
    void otherPeriodsAreNamedByTheirDays() {
        ReportPeriod p = new ReportPeriod(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 20));
        assertThat(p.month()).isFalse();
        assertThat(p.quarter()).isFalse();
        assertThat(p.vietnamese()).isEqualTo("từ ngày 05/01/2026 đến ngày 20/01/2026");
        assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
