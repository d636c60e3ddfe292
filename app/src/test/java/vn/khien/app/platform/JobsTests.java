package vn.khien.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobsTests {
    private final Jobs jobs = new Jobs(Clock.systemUTC());

    @AfterEach
    void stop() {
        jobs.destroy();
    }

    @Test
    void reportsProgressAndResult() {
        CountDownLatch go = new CountDownLatch(1);
        Jobs.View started = jobs.start("count", 7L, p -> {
            p.total(10);
            p.advance(4);
            go.await();
            p.advance(10);
            return "ten";
        });
        await().atMost(Duration.ofSeconds(5))
                .until(() -> jobs.find(UnitScope.of(Set.of(7L)), started.id())
                                .orElseThrow()
                                .percent()
                        == 40);
        go.countDown();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> jobs.find(UnitScope.province(), started.id())
                                .orElseThrow()
                                .state()
                        == Jobs.State.SUCCEEDED);
        Jobs.View done = jobs.find(UnitScope.province(), started.id()).orElseThrow();
        assertThat(done.result()).isEqualTo("ten");
        assertThat(done.finished()).isNotNull();
    }

    @Test
    void cancelStopsAJobAtItsNextCheck() {
        Jobs.View started = jobs.start("endless", 7L, p -> {
            long i = 0;
            while (!p.cancelled()) {
                p.advance(++i);
                Thread.sleep(5);
            }
            return i;
        });
        await().atMost(Duration.ofSeconds(5))
                .until(() -> jobs.find(UnitScope.province(), started.id())
                                .orElseThrow()
                                .done()
                        > 0);
        assertThat(jobs.cancel(UnitScope.of(Set.of(7L)), started.id())).isTrue();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> jobs.find(UnitScope.province(), started.id())
                                .orElseThrow()
                                .state()
                        == Jobs.State.CANCELLED);
    }

    @Test
    void jobsAreVisibleOnlyWithinScope() {
        Jobs.View started = jobs.start("other unit", 7L, p -> null);
        assertThat(jobs.find(UnitScope.of(Set.of(8L)), started.id())).isEmpty();
        assertThat(jobs.cancel(UnitScope.of(Set.of(8L)), started.id())).isFalse();
        assertThat(jobs.recent(UnitScope.of(Set.of(8L)))).isEmpty();
        Jobs.View provinceJob = jobs.start("province", null, p -> null);
        assertThat(jobs.find(UnitScope.of(Set.of(7L)), provinceJob.id())).isEmpty();
        assertThat(jobs.find(UnitScope.province(), provinceJob.id())).isPresent();
    }

    @Test
    void failuresKeepTheirMessage() {
        Jobs.View started = jobs.start("broken", null, p -> {
            throw new IllegalStateException("line 12: bad date");
        });
        await().atMost(Duration.ofSeconds(5))
                .until(() -> jobs.find(UnitScope.province(), started.id())
                                .orElseThrow()
                                .state()
                        == Jobs.State.FAILED);
        assertThat(jobs.find(UnitScope.province(), started.id()).orElseThrow().message())
                .isEqualTo("line 12: bad date");
    }
}
