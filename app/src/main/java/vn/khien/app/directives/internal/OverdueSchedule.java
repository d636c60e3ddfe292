package vn.khien.app.directives.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.khien.app.directives.DirectiveTaskService;

/** Marks overdue directive tasks and escalates them every hour. */
@Component
class OverdueSchedule {
    private final DirectiveTaskService tasks;

    OverdueSchedule(DirectiveTaskService tasks) {
        this.tasks = tasks;
    }

    @Scheduled(initialDelayString = "${khien.directives.check-initial-delay:PT5M}", fixedDelayString = "PT1H")
    void check() {
        tasks.checkOverdue();
    }
}
