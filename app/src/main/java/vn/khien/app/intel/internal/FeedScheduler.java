package vn.khien.app.intel.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import vn.khien.app.intel.Feed;
import vn.khien.app.intel.IntelService;

/** Pulls each URL and TAXII feed when its own interval has passed; checks once a minute. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "khien.cli", havingValue = "false", matchIfMissing = true)
class FeedScheduler {
    private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);

    private final IntelService intel;

    FeedScheduler(IntelService intel) {
        this.intel = intel;
    }

    @Scheduled(fixedDelayString = "${khien.intel.feed-check:PT1M}", initialDelayString = "PT1M")
    void pullDueFeeds() {
        for (Feed f : intel.dueFeeds()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            String status = intel.pullFeed(f.id());
            log.info("Feed '{}': {}", f.name(), status);
        }
    }
}
