package vn.khien.app.notify;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A national warning (cảnh báo) relayed to chosen units, with who received and acknowledged it. */
public record Warning(
        long id,
        String reference,
        String title,
        String body,
        String createdBy,
        Instant createdAt,
        List<Recipient> recipients) {
    /** One person the warning was sent to. */
    public record Recipient(
            long unitId,
            long personId,
            String personName,
            boolean delivered,
            @Nullable Instant acknowledgedAt) {}
}
