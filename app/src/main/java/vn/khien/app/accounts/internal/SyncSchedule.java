package vn.khien.app.accounts.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import vn.khien.app.accounts.AccountService;

/** Starts the scheduled directory syncs that are due, every ten minutes. */
@Configuration
@EnableScheduling
class SyncSchedule {
    private final AccountService service;

    SyncSchedule(AccountService service) {
        this.service = service;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT10M")
    void syncDue() {
        service.syncDue();
    }
}
