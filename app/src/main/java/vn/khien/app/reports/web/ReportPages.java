package vn.khien.app.reports.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.Jobs;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.reports.ReportException;
import vn.khien.app.reports.ReportFormat;
import vn.khien.app.reports.ReportPeriod;
import vn.khien.app.reports.ReportService;

/** The reports page: the list with download links and the form that generates one in the background. */
@Controller
class ReportPages {
    private final ReportService reports;
    private final UnitService units;

    ReportPages(ReportService reports, UnitService units) {
        this.reports = reports;
        this.units = units;
    }

    @GetMapping("/reports")
    String list(UnitScope scope, Model model) {
        model.addAttribute("reports", reports.list(scope));
        model.addAttribute("units", units.all(scope));
        model.addAttribute("defaultUnit", reports.defaultUnit(scope).id());
        model.addAttribute(
                "defaultMonth", YearMonth.from(reports.today()).minusMonths(1).toString());
        return "reports/list";
    }

    @PostMapping("/reports")
    String generate(
            UnitScope scope,
            @RequestParam(required = false) @Nullable Long unitId,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            Model model) {
        Jobs.View job = reports.generateInBackground(scope, unitId, period(month, from, to, reports.today()));
        model.addAttribute("job", job);
        return list(scope, model);
    }

    @GetMapping("/reports/{id}/{format:docx|pdf|xlsx}")
    ResponseEntity<Resource> download(UnitScope scope, @PathVariable long id, @PathVariable String format)
            throws IOException {
        return ReportApi.file(reports, scope, id, ReportFormat.of(format));
    }

    /** From/to when both are given, else the month ("2026-01" or "01/2026"), else the previous month. */
    static ReportPeriod period(
            @Nullable String month, @Nullable LocalDate from, @Nullable LocalDate to, LocalDate today) {
        if (from != null && to != null) {
            if (to.isAfter(today)) {
                throw ReportException.invalid("period ends in the future: " + to);
            }
            return new ReportPeriod(from, to);
        }
        if (month != null && !month.isBlank()) {
            String m = month.strip();
            if (m.matches("\\d{1,2}/\\d{4}")) {
                String[] p = m.split("/");
                m = p[1] + "-" + (p[0].length() == 1 ? "0" + p[0] : p[0]);
            }
            try {
                YearMonth ym = YearMonth.parse(m);
                return new ReportPeriod(ym.atDay(1), ym.atEndOfMonth());
            } catch (DateTimeParseException e) {
                throw ReportException.invalid("not a month: " + month);
            }
        }
        return ReportPeriod.previousMonth(today);
    }
}
