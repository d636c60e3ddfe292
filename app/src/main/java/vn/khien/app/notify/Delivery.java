package vn.khien.app.notify;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of the delivery log. */
public record Delivery(
        long id,
        @Nullable Long pageId,
        @Nullable Long warningId,
        @Nullable Long personId,
        String channel,
        @Nullable String address,
        String subject,
        String status,
        int attempts,
        @Nullable String error,
        Instant at) {}
