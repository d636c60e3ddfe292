package vn.khien.app.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Criteria for listing the audit trail; {@code null} fields do not filter. */
public record AuditFilter(
        @Nullable String actor,
        @Nullable String action,
        @Nullable String entityType,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {
    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
