package vn.khien.app.notify.internal;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.khien.app.notify.NotificationService;

/** Escalates unacknowledged pages every minute and sends low-severity digests every hour. */
@Component
class NotifySchedule {
    private final NotificationService notifications;
    private final Clock clock;

    NotifySchedule(NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${khien.notify.check-initial-delay:PT2M}", fixedDelayString = "PT1M")
    void escalate() {
        notifications.escalate(clock.instant());
    }

    @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT1H")
    void digests() {
        notifications.sendDigests(clock.instant());
    }
}
