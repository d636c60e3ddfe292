package vn.khien.app.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Long work (imports, scans, re-evaluations) run in the background with progress people can watch (the
 * {@code /jobs/{id}} fragment polls it) and cancel. The work runs with the starter's security context, so
 * scoping and auditing are as if they had done it themselves. Finished jobs are kept for an hour.
 */
@Component
public class Jobs implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final int KEEP_FINISHED = 200;

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "khien-job");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Clock clock;

    public Jobs(Clock clock) {
        this.clock = clock;
    }

    /** What a job reports while it runs; implementations must check {@link #cancelled()} at batch ends. */
    public interface Progress {
        void total(long total);

        void advance(long done);

        void message(String message);

        boolean cancelled();
    }

    /** The work of a job; its return value is shown as the job's result. */
    @FunctionalInterface
    public interface Work {
        Object run(Progress progress) throws Exception;
    }

    /** A job as people see it. */
    public record View(
            String id,
            String title,
            @Nullable Long unitId,
            String owner,
            State state,
            long done,
            long total,
            @Nullable String message,
            @Nullable Object result,
            Instant started,
            @Nullable Instant finished) {
        /** Whole percent done, 0 while the total is unknown. */
        public int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }

        public boolean running() {
            return state == State.RUNNING || state == State.QUEUED;
        }
    }

    public enum State {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED
    }

    /** Starts {@code work} in the background; the job is visible to callers whose scope includes {@code unitId}. */
    public View start(String title, @Nullable Long unitId, Work work) {
        SecurityContext ctx = SecurityContextHolder.getContext();
        String owner = ctx.getAuthentication() == null
                ? "system"
                : ctx.getAuthentication().getName();
        Job job = new Job(UUID.randomUUID().toString(), title, unitId, owner, clock.instant());
        jobs.put(job.id, job);
        prune();
        job.future = pool.submit(() -> {
            SecurityContextHolder.setContext(ctx);
            job.state = State.RUNNING;
            try {
                job.result = work.run(job);
                job.state = job.cancelled ? State.CANCELLED : State.SUCCEEDED;
            } catch (InterruptedException e) {
                job.state = State.CANCELLED;
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                job.state = job.cancelled ? State.CANCELLED : State.FAILED;
                job.message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                log.warn("Job '{}' failed: {}", title, job.message, e);
            } finally {
                job.finished = clock.instant();
                SecurityContextHolder.clearContext();
            }
            return null;
        });
        return job.view();
    }

    /** The job if the caller's scope may see it. */
    public Optional<View> find(UnitScope scope, String id) {
        Job j = jobs.get(id);
        if (j == null || (j.unitId == null ? !scope.all() : !scope.allows(j.unitId))) {
            return Optional.empty();
        }
        return Optional.of(j.view());
    }

    public List<View> recent(UnitScope scope) {
        List<View> out = new ArrayList<>();
        for (Job j : jobs.values()) {
            if (j.unitId == null ? scope.all() : scope.allows(j.unitId)) {
                out.add(j.view());
            }
        }
        out.sort(Comparator.comparing(View::started).reversed());
        return out;
    }

    /** Asks a job to stop at its next batch boundary and interrupts it if it is waiting. */
    public boolean cancel(UnitScope scope, String id) {
        if (find(scope, id).isEmpty()) {
            return false;
        }
        Job j = jobs.get(id);
        j.cancelled = true;
        if (j.future != null) {
            j.future.cancel(true);
        }
        return true;
    }

    private void prune() {
        if (jobs.size() <= KEEP_FINISHED) {
            return;
        }
        Instant cutoff = clock.instant().minusSeconds(3600);
        jobs.values().removeIf(j -> j.finished != null && j.finished.isBefore(cutoff));
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    private static final class Job implements Progress {
        final String id;
        final String title;
        final @Nullable Long unitId;
        final String owner;
        final Instant started;
        volatile State state = State.QUEUED;
        volatile long done;
        volatile long total;
        volatile @Nullable String message;
        volatile @Nullable Object result;
        volatile @Nullable Instant finished;
        volatile boolean cancelled;
        volatile @Nullable Future<?> future;

        Job(String id, String title, @Nullable Long unitId, String owner, Instant started) {
            this.id = id;
            this.title = title;
            this.unitId = unitId;
            this.owner = owner;
            this.started = started;
        }

        @Override
        public void total(long total) {
            this.total = total;
        }

        @Override
        public void advance(long done) {
            this.done = done;
        }

        @Override
        public void message(String message) {
            this.message = message;
        }

        @Override
        public boolean cancelled() {
            return cancelled || Thread.currentThread().isInterrupted();
        }

        View view() {
            return new View(id, title, unitId, owner, state, done, total, message, result, started, finished);
        }
    }
}
