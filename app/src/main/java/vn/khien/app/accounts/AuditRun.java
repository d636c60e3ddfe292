package vn.khien.app.accounts;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One audit run (registry, hash file, combolist, sync, CSV import) with its counts only. */
public record AuditRun(
        long id,
        String kind,
        @Nullable Long unitId,
        String actor,
        Instant started,
        @Nullable Instant finished,
        @Nullable String summary,
        Map<String, Long> counts) {}
