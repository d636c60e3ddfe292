package vn.khien.app.incidents.internal;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.khien.app.incidents.IncidentService;

/** Every minute, escalates deadlines that entered their warning window. */
@Component
class DeadlineWatch {
    private final IncidentService incidents;
    private final Clock clock;

    DeadlineWatch(IncidentService incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${khien.incidents.check-initial-delay:PT2M}", fixedDelayString = "PT1M")
    void check() {
        incidents.escalateDeadlines(clock.instant());
    }
}
