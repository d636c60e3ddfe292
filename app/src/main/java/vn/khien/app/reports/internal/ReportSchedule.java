package vn.khien.app.reports.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import vn.khien.app.reports.ReportKind;
import vn.khien.app.reports.ReportService;
import vn.khien.app.reports.ReportSettings;

/**
 * The province's periodic reports: the previous month's on the 1st of every month at 06:00 and the previous
 * quarter's on the first day of each quarter at 06:30 (Asia/Ho_Chi_Minh). A period already reported is skipped, so
 * a restart or a second node does not duplicate it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReportSchedule {
    private static final Logger log = LoggerFactory.getLogger(ReportSchedule.class);

    private final ReportService reports;
    private final ReportSettings settings;

    ReportSchedule(ReportService reports, ReportSettings settings) {
        this.reports = reports;
        this.settings = settings;
    }

    @Scheduled(cron = "0 0 6 1 * *", zone = "Asia/Ho_Chi_Minh")
    void monthly() {
        run(ReportKind.MONTHLY);
    }

    @Scheduled(cron = "0 30 6 1 1,4,7,10 *", zone = "Asia/Ho_Chi_Minh")
    void quarterly() {
        run(ReportKind.QUARTERLY);
    }

    private void run(ReportKind kind) {
        if (!settings.schedule()) {
            return;
        }
        reports.scheduled(kind, reports.today())
                .ifPresentOrElse(
                        r -> log.info("Scheduled {} report #{} {}: {}", kind, r.id(), r.period(), r.status()),
                        () -> log.info("Scheduled {} report already exists", kind));
    }
}
