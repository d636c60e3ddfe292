package vn.khien.app.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.khien.app.duty.DutyService;
import vn.khien.app.duty.DutyTeam;
import vn.khien.app.duty.OnDuty;
import vn.khien.app.incidents.AlertSummary;
import vn.khien.app.incidents.Incident;
import vn.khien.app.incidents.IncidentService;
import vn.khien.app.incidents.Severity;
import vn.khien.app.org.Person;
import vn.khien.app.org.PersonService;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;

/**
 * Real SMTP (GreenMail) and a local Telegram Bot API: an alert at 02:00 during Tết reaches the person on duty,
 * climbs to the backup when nobody acknowledges, and the acknowledgement stops it.
 */
@KhienIntegrationTest
class NotifyIntegrationTests {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    NotificationService notifications;

    @Autowired
    DutyService duty;

    @Autowired
    PersonService people;

    @Autowired
    IncidentService incidents;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    TelegramStub telegram;
    Person primary;
    Person backup;
    Person lead;
    DutyTeam team;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.demoProvince();
        telegram = new TelegramStub();
        primary = person("dung.dv@demo.gov.vn");
        backup = person("trung.hd@demo.gov.vn");
        lead = person("an.lm@demo.gov.vn");
        Fixtures.asAdmin(() -> {
            notifications.updateSettings(
                    new NotifySettings(
                            "127.0.0.1",
                            mail.getSmtp().getPort(),
                            "khien@demo.gov.vn",
                            telegram.baseUrl(),
                            false,
                            15,
                            "https://khien.demo.gov.vn",
                            null,
                            false,
                            false),
                    "123456:TEST-token");
            notifications.setPreference(
                    UnitScope.province(), new Preference(backup.id(), Channel.TELEGRAM, null, "4242", true));
            team = duty.createTeam(
                    UnitScope.province(), fixtures.unit("T00").id(), "Đội ứng cứu sự cố tỉnh", lead.id());
            return null;
        });
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    Person person(String email) {
        return people.search(UnitScope.province(), null, email, 1, 0).get(0);
    }

    static Instant local(String t) {
        return LocalDateTime.parse(t).atZone(VN).toInstant();
    }

    void tetRoster() {
        Fixtures.asAdmin(() -> duty.applyHolidayTemplate(
                UnitScope.province(),
                team.id(),
                LocalDate.of(2026, 2, 14),
                LocalDate.of(2026, 2, 22),
                3,
                List.of(primary.id()),
                List.of(backup.id()),
                "Trực Tết Bính Ngọ"));
    }

    /** The decoded text of a message (its raw body is quoted-printable, with soft line breaks). */
    static String text(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String ackToken(String text) {
        Matcher m =
                Pattern.compile("/ack/([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)").matcher(text);
        assertThat(m.find()).as("an acknowledgement link in: %s", text).isTrue();
        return m.group(1);
    }

    @Test
    void alertAtTwoInTheMorningOfTetReachesOnDutyThenBackupUntilAcknowledged() throws Exception {
        tetRoster();
        Instant twoAm = local("2026-02-17T02:00");
        OnDuty now = duty.onDuty(UnitScope.province(), twoAm).get(0);
        assertThat(now.primaryId()).isEqualTo(primary.id());
        assertThat(now.backupId()).isEqualTo(backup.id());

        Incident incident = incidents.reportFromAlert(new AlertSummary(
                "ALR-TET-1", fixtures.unit("T00").id(), "10.10.3.7", "185.220.101.4", Severity.CRITICAL, twoAm));
        Page page = notifications.pageOnDuty(
                "incident",
                String.valueOf(incident.id()),
                incident.unitId(),
                "Nghiêm trọng",
                incident.code() + " — " + incident.title(),
                "Máy chủ 10.10.3.7 kết nối tới máy chủ điều khiển mã độc",
                twoAm);
        assertThat(page.chain()).containsExactly(primary.id(), backup.id(), lead.id());

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("dung.dv@demo.gov.vn");
        assertThat(received[0].getSubject()).contains(incident.code());
        String body = text(received[0]);
        assertThat(ackToken(body)).isNotBlank();
        assertThat(telegram.calls).isEmpty();

        // nobody acknowledges: after 14 minutes nothing moves, after 15 it goes to the backup over Telegram
        assertThat(notifications.escalate(twoAm.plus(Duration.ofMinutes(14)))).isZero();
        assertThat(notifications.escalate(twoAm.plus(Duration.ofMinutes(15)))).isEqualTo(1);
        assertThat(telegram.calls).hasSize(1);
        assertThat(telegram.calls.get(0).path()).isEqualTo("/bot123456:TEST-token/sendMessage");
        assertThat(telegram.calls.get(0).body())
                .contains("\"chat_id\":\"4242\"")
                .contains("CHUYỂN TIẾP");
        String backupToken = ackToken(telegram.calls.get(0).body().replace("\\/", "/"));

        // the backup acknowledges with one click on the link: no sign-in, the signed token is enough
        mvc.perform(get("/ack/" + backupToken)).andExpect(status().isOk());
        mvc.perform(post("/ack/" + backupToken).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("ack-done")));
        Page acked = notifications.page(page.id());
        assertThat(acked.acknowledgedBy()).isEqualTo(backup.id());

        // no further escalation to the team lead
        assertThat(notifications.escalate(twoAm.plus(Duration.ofMinutes(45)))).isZero();
        assertThat(telegram.calls).hasSize(1);
        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(Fixtures.asAdmin(() -> notifications.deliveries(UnitScope.province())))
                .extracting(Delivery::status)
                .contains("SENT");
    }

    @Test
    void anAcknowledgedPageIsNeverEscalatedAndAForgedTokenIsRefused() throws Exception {
        tetRoster();
        Instant t = local("2026-02-20T10:30");
        Page page = notifications.pageOnDuty("incident", "7", null, "Cao", "SC-000007 — thử", "thử", t);
        String token = ackToken(text(mail.getReceivedMessages()[0]));
        String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
        assertThat(notifications.acknowledge(forged, t).valid()).isFalse();
        assertThat(notifications.acknowledge(token, t.plusSeconds(60)).valid()).isTrue();
        assertThat(notifications.acknowledge(token, t.plusSeconds(90)).already())
                .isTrue();
        assertThat(notifications.escalate(t.plus(Duration.ofHours(2)))).isZero();
        assertThat(notifications.page(page.id()).acknowledgedBy()).isEqualTo(primary.id());
        assertThat(telegram.calls).isEmpty();
    }

    @Test
    void unansweredPageClimbsToTheTeamLeadThenStops() {
        tetRoster();
        Instant t = local("2026-02-15T23:50");
        Page page = notifications.pageOnDuty("incident", "8", null, "Cao", "SC-000008", "thử", t);
        assertThat(notifications.escalate(t.plus(Duration.ofMinutes(15)))).isEqualTo(1);
        assertThat(notifications.escalate(t.plus(Duration.ofMinutes(30)))).isEqualTo(1);
        assertThat(mail.getReceivedMessages())
                .extracting(m -> GreenMailUtil.getAddressList(m.getAllRecipients()))
                .containsExactly("dung.dv@demo.gov.vn", "an.lm@demo.gov.vn");
        assertThat(notifications.escalate(t.plus(Duration.ofMinutes(45)))).isZero();
        assertThat(notifications.page(page.id()).exhausted()).isTrue();
    }

    @Test
    void transientTelegramFailuresAreRetriedWithBackoff() throws Exception {
        tetRoster();
        telegram.failuresLeft.set(1);
        Instant t = local("2026-02-18T02:00");
        notifications.pageOnDuty("incident", "9", null, "Cao", "SC-000009", "thử", t);
        mail.purgeEmailFromAllMailboxes();
        notifications.escalate(t.plus(Duration.ofMinutes(15)));
        assertThat(telegram.calls).hasSize(2);
        Delivery toBackup = Fixtures.asAdmin(() -> notifications.deliveries(UnitScope.province())).stream()
                .filter(d -> backup.id() == (d.personId() == null ? -1 : d.personId()))
                .findFirst()
                .orElseThrow();
        assertThat(toBackup.status()).isEqualTo("SENT");
        assertThat(toBackup.attempts()).isEqualTo(2);
    }

    @Test
    void aNewHighSeverityIncidentPagesWhoeverIsOnDutyNow() throws Exception {
        Instant now = clock.instant();
        Fixtures.asAdmin(() -> duty.addShift(
                UnitScope.province(),
                team.id(),
                now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(7)),
                primary.id(),
                vn.khien.app.duty.ShiftRole.PRIMARY,
                "ca hiện tại"));
        incidents.reportFromAlert(new AlertSummary(
                "ALR-NOW", fixtures.unit("T00").id(), "10.10.1.1", "bad.example", Severity.HIGH, now.minusSeconds(30)));
        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(mail.getReceivedMessages()[0].getAllRecipients()[0].toString())
                .isEqualTo("dung.dv@demo.gov.vn");
        // a low-severity one only joins the digest
        incidents.reportFromAlert(new AlertSummary(
                "ALR-LOW", fixtures.unit("T00").id(), "10.10.1.2", "scan", Severity.LOW, now.minusSeconds(30)));
        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(notifications.sendDigests(now)).isEqualTo(1);
        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(mail.getReceivedMessages()[1].getSubject()).contains("Tổng hợp 1 sự kiện mức thấp");
    }

    @Test
    void relayedWarningRecordsWhoReceivedAndAcknowledged() throws Exception {
        long binhAn = fixtures.unit("X-BA").id();
        Warning w = Fixtures.asAdmin(() -> notifications.relayWarning(
                UnitScope.province(),
                "NCSC-2026-117",
                "Lỗ hổng CVE-2026-1234 trong phần mềm văn phòng",
                "Đề nghị rà soát và cập nhật bản vá, báo cáo số máy đã khắc phục / tổng số.",
                List.of(binhAn)));
        assertThat(w.recipients())
                .extracting(Warning.Recipient::personName)
                .containsExactlyInAnyOrder("Vũ Hữu Phúc", "Võ Thu Mai");
        assertThat(w.recipients()).allMatch(Warning.Recipient::delivered);
        MimeMessage toMai = java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("mai.vt@binhan.demo.gov.vn");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow();
        mvc.perform(post("/ack/" + ackToken(text(toMai))).with(csrf())).andExpect(status().isOk());
        Warning after = notifications.warning(UnitScope.province(), w.id());
        assertThat(after.recipients())
                .filteredOn(r -> r.personName().equals("Võ Thu Mai"))
                .allMatch(r -> r.acknowledgedAt() != null);
        assertThat(after.recipients())
                .filteredOn(r -> r.personName().equals("Vũ Hữu Phúc"))
                .allMatch(r -> r.acknowledgedAt() == null);
    }
}
