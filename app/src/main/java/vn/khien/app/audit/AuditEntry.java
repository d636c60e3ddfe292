package vn.khien.app.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recorded state change; {@code before}/{@code after} are canonical JSON or {@code null}. */
public record AuditEntry(
        long seq,
        Instant at,
        String actor,
        String action,
        String entityType,
        @Nullable String entityId,
        @Nullable Long unitId,
        @Nullable String before,
        @Nullable String after,
        String hash) {}
