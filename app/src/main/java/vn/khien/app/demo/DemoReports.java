package vn.khien.app.demo;

import org.springframework.stereotype.Component;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.reports.Report;
import vn.khien.app.reports.ReportPeriod;
import vn.khien.app.reports.ReportService;

/**
 * The province's report of the previous month, generated through the real report generator after every other step
 * has fed its inputs (so the scores and findings it reports are the demo's measured ones).
 */
@Component
class DemoReports implements DemoStep {
    private final ReportService reports;

    DemoReports(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public String name() {
        return "reports";
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public String load() {
        ReportPeriod period = ReportPeriod.previousMonth(reports.today());
        Report r = reports.generate(UnitScope.province(), null, period);
        return "province report #" + r.id() + " " + period.vietnamese() + ": " + r.status();
    }
}
