package vn.khien.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.app.notify.internal.Couriers;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;

/** Mail relays that demand authentication: the password is stored encrypted, never returned, and used. */
@KhienIntegrationTest
class SmtpAuthenticationIntegrationTests {
    @RegisterExtension
    static GreenMailExtension relay = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("khien@demo.gov.vn", "khien", "Relay-2026!"));

    @Autowired
    NotificationService notifications;

    @Autowired
    Couriers couriers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesTheSmtpPasswordEncryptedAndNeverReturnsIt() {
        NotifySettings saved = Fixtures.asAdmin(() -> notifications.updateSettings(
                new NotifySettings(
                        "127.0.0.1",
                        relay.getSmtp().getPort(),
                        "khien@demo.gov.vn",
                        null,
                        false,
                        15,
                        null,
                        "khien",
                        false,
                        false),
                null,
                "Relay-2026!"));
        assertThat(saved.smtpUsername()).isEqualTo("khien");
        assertThat(saved.smtpPasswordSet()).isTrue();
        assertThat(saved.toString()).doesNotContain("Relay-2026!");
        String stored = jdbc.sql("select smtp_password_enc from notify_settings where id = 1")
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain("Relay-2026!");
        assertThat(jdbc.sql("select count(*) from audit_event where after like '%Relay-2026!%'")
                        .query(Long.class)
                        .single())
                .isZero();
        // null keeps the stored password, blank removes it
        Fixtures.asAdmin(() -> notifications.updateSettings(saved, null, null));
        assertThat(notifications.settings().smtpPasswordSet()).isTrue();
        Fixtures.asAdmin(() -> notifications.updateSettings(saved, null, ""));
        assertThat(notifications.settings().smtpPasswordSet()).isFalse();
    }

    @Test
    void authenticatesToTheRelayAndReportsARefusalAsFatal() {
        int port = relay.getSmtp().getPort();
        Couriers.Outcome sent = couriers.send(
                new Couriers.Route(
                        Channel.EMAIL,
                        "an.lm@demo.gov.vn",
                        "127.0.0.1",
                        port,
                        "khien@demo.gov.vn",
                        "",
                        "",
                        "khien",
                        "Relay-2026!",
                        false),
                "Thử",
                "Nội dung thử");
        assertThat(sent.sent()).isTrue();
        assertThat(relay.getReceivedMessages()).hasSize(1);

        Couriers.Outcome refused = couriers.send(
                new Couriers.Route(
                        Channel.EMAIL,
                        "an.lm@demo.gov.vn",
                        "127.0.0.1",
                        port,
                        "khien@demo.gov.vn",
                        "",
                        "",
                        "khien",
                        "wrong",
                        false),
                "Thử",
                "Nội dung thử");
        assertThat(refused.sent()).isFalse();
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(refused.error()).contains("refused");
    }
}
