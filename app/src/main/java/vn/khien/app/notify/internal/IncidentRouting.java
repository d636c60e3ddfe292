package vn.khien.app.notify.internal;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.khien.app.incidents.IncidentDeadlineNear;
import vn.khien.app.incidents.IncidentOpened;
import vn.khien.app.notify.NotificationService;

/**
 * Routes incident events once they are committed: a new high or critical incident (including a promoted alert)
 * and every nearing deadline page the person on duty; lower severities go to the digest.
 */
@Component
class IncidentRouting {
    private final NotificationService notifications;
    private final Clock clock;

    IncidentRouting(NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void opened(IncidentOpened e) {
        String title = e.code() + " — " + e.title();
        if (e.severity().pagesOnDuty()) {
            notifications.pageOnDuty(
                    "incident",
                    String.valueOf(e.incidentId()),
                    e.unitId(),
                    e.severity().vietnamese(),
                    title,
                    "Sự cố mới (" + e.category().vietnamese() + "): " + e.title(),
                    clock.instant());
        } else {
            notifications.digest(title + " (" + e.severity().vietnamese() + ")", clock.instant());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void deadline(IncidentDeadlineNear e) {
        notifications.pageOnDuty(
                "incident-deadline",
                e.incidentId() + ":" + e.deadlineId(),
                e.unitId(),
                "Cao",
                e.code() + " — sắp đến hạn: " + e.deadlineLabel(),
                "Sự cố " + e.code() + " (" + e.title() + ") sắp đến hạn: " + e.deadlineLabel(),
                clock.instant());
    }
}
