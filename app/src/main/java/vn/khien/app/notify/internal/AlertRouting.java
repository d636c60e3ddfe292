package vn.khien.app.notify.internal;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.khien.app.detection.AlertRaised;
import vn.khien.app.notify.NotificationService;

/**
 * Routes new alerts once they are committed: a high or critical alert (a machine reaching a C&amp;C indicator)
 * pages the person on duty, with escalation to the backup and the team lead; lower severities go to the digest.
 */
@Component
class AlertRouting {
    private final NotificationService notifications;
    private final Clock clock;

    AlertRouting(NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void raised(AlertRaised e) {
        String title = "Cảnh báo " + e.rule() + ": " + e.sourceIp() + " → " + e.indicator();
        if ("HIGH".equals(e.severity()) || "CRITICAL".equals(e.severity())) {
            notifications.pageOnDuty(
                    "alert",
                    String.valueOf(e.alertId()),
                    e.unitId(),
                    "CRITICAL".equals(e.severity()) ? "Nghiêm trọng" : "Cao",
                    title,
                    "Máy " + e.sourceIp() + " đã truy cập " + e.indicator() + " (" + e.rule() + "), lần đầu lúc "
                            + e.firstSeen() + ". Xem cảnh báo số " + e.alertId() + " trên Khiên.",
                    clock.instant());
        } else {
            notifications.digest(title + " (" + e.severity() + ")", clock.instant());
        }
    }
}
