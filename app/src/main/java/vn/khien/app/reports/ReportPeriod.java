package vn.khien.app.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;

/**
 * The days a report covers, both ends included.
 *
 * @param from first day
 * @param to last day
 */
public record ReportPeriod(LocalDate from, LocalDate to) {
    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("period starts " + from + " after it ends " + to);
        }
    }

    /** The calendar month before the one {@code today} falls in. */
    public static ReportPeriod previousMonth(LocalDate today) {
        YearMonth m = YearMonth.from(today).minusMonths(1);
        return new ReportPeriod(m.atDay(1), m.atEndOfMonth());
    }

    /** The calendar quarter before the one {@code today} falls in. */
    public static ReportPeriod previousQuarter(LocalDate today) {
        LocalDate firstOfThis = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        LocalDate from = firstOfThis.minusMonths(3);
        return new ReportPeriod(from, firstOfThis.minusDays(1));
    }

    /** Whether this is exactly one calendar month. */
    public boolean month() {
        return from.getDayOfMonth() == 1 && to.equals(YearMonth.from(from).atEndOfMonth());
    }

    /** Whether this is exactly one calendar quarter. */
    public boolean quarter() {
        return from.getDayOfMonth() == 1
                && (from.getMonthValue() - 1) % 3 == 0
                && to.equals(YearMonth.from(from).plusMonths(2).atEndOfMonth());
    }

    /** "tháng 01/2026", "quý IV/2025" or "từ ngày 01/01/2026 đến ngày 15/01/2026". */
    public String vietnamese() {
        if (month()) {
            return "tháng " + String.format("%02d/%d", from.getMonthValue(), from.getYear());
        }
        if (quarter()) {
            return "quý " + new String[] {"I", "II", "III", "IV"}[from.get(IsoFields.QUARTER_OF_YEAR) - 1] + "/"
                    + from.getYear();
        }
        return "từ ngày " + day(from) + " đến ngày " + day(to);
    }

    static String day(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
}
