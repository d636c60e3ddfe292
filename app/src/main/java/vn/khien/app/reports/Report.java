package vn.khien.app.reports;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A generated report and where its files are.
 *
 * @param status RUNNING, READY or FAILED
 * @param message why it failed, or null
 */
public record Report(
        long id,
        long unitId,
        String unitName,
        ReportKind kind,
        ReportPeriod period,
        String title,
        String status,
        @Nullable String message,
        Instant createdAt,
        String createdBy,
        @Nullable Instant finishedAt) {
    public boolean ready() {
        return "READY".equals(status);
    }
}
