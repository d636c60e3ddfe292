package vn.khien.app.notify;

import org.jspecify.annotations.Nullable;

/** How one person wants to be reached; without one, e-mail to their address in the organisation. */
public record Preference(
        long personId,
        Channel channel,
        @Nullable String email,
        @Nullable String telegramChatId,
        boolean digestLow) {}
