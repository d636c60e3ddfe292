package vn.khien.app.notify;

import org.jspecify.annotations.Nullable;

/**
 * Delivery settings, kept in the database and edited by an administrator. The bot token is never returned:
 * {@code telegramTokenSet} says whether one is stored (encrypted).
 *
 * @param ackMinutes minutes a page waits for an acknowledgement before it goes to the next person
 * @param publicBaseUrl the address people open acknowledgement links at, e.g. {@code https://khien.demo.gov.vn}
 * @param smtpUsername user name for SMTP authentication, or {@code null} to send without authenticating
 * @param smtpPasswordSet whether an SMTP password is stored (encrypted); the password itself is never returned
 * @param smtpStartTls whether to require STARTTLS before authenticating
 */
public record NotifySettings(
        @Nullable String smtpHost,
        @Nullable Integer smtpPort,
        String smtpFrom,
        @Nullable String telegramBaseUrl,
        boolean telegramTokenSet,
        int ackMinutes,
        @Nullable String publicBaseUrl,
        @Nullable String smtpUsername,
        boolean smtpPasswordSet,
        boolean smtpStartTls) {}
