package vn.khien.app.notify.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.notify.Channel;
import vn.khien.app.notify.Delivery;
import vn.khien.app.notify.Page;
import vn.khien.app.notify.Preference;

/** SQL for settings, preferences, pages, the delivery log and relayed warnings. */
@Repository
public class NotifyDao {
    /** The settings row as stored (token still encrypted). */
    public record SettingsRow(
            @Nullable String smtpHost,
            @Nullable Integer smtpPort,
            String smtpFrom,
            @Nullable String telegramBaseUrl,
            @Nullable String telegramTokenEnc,
            int ackMinutes,
            @Nullable String publicBaseUrl,
            @Nullable String ackKeyEnc,
            @Nullable String smtpUsername,
            @Nullable String smtpPasswordEnc,
            boolean smtpStartTls) {}

    /** A stored warning without recipients. */
    public record WarningRow(
            long id, String reference, String title, String body, String createdBy, Instant createdAt) {}

    /** A stored warning recipient. */
    public record RecipientRow(
            long warningId,
            long unitId,
            long personId,
            boolean delivered,
            @Nullable Instant acknowledgedAt) {}

    private final JdbcClient jdbc;

    public NotifyDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SettingsRow settings() {
        jdbc.sql("insert into notify_settings (id) values (1) on conflict do nothing")
                .update();
        return jdbc.sql("select * from notify_settings where id = 1")
                .query((rs, n) -> new SettingsRow(
                        rs.getString("smtp_host"),
                        (Integer) rs.getObject("smtp_port"),
                        rs.getString("smtp_from"),
                        rs.getString("telegram_base_url"),
                        rs.getString("telegram_token_enc"),
                        rs.getInt("ack_minutes"),
                        rs.getString("public_base_url"),
                        rs.getString("ack_key_enc"),
                        rs.getString("smtp_username"),
                        rs.getString("smtp_password_enc"),
                        rs.getBoolean("smtp_starttls")))
                .single();
    }

    public void saveSettings(SettingsRow s) {
        settings();
        jdbc.sql("""
                        update notify_settings set smtp_host = :h, smtp_port = :p, smtp_from = :f, telegram_base_url = :tb,
                            telegram_token_enc = :tt, ack_minutes = :ack, public_base_url = :pub, ack_key_enc = :key,
                            smtp_username = :su, smtp_password_enc = :sp, smtp_starttls = :tls
                        where id = 1
                        """)
                .param("h", s.smtpHost())
                .param("p", s.smtpPort())
                .param("f", s.smtpFrom())
                .param("tb", s.telegramBaseUrl())
                .param("tt", s.telegramTokenEnc())
                .param("ack", s.ackMinutes())
                .param("pub", s.publicBaseUrl())
                .param("su", s.smtpUsername())
                .param("sp", s.smtpPasswordEnc())
                .param("tls", s.smtpStartTls())
                .param("key", s.ackKeyEnc())
                .update();
    }

    public Optional<Preference> preference(long personId) {
        return jdbc.sql("select * from notify_preference where person_id = :p")
                .param("p", personId)
                .query((rs, n) -> new Preference(
                        rs.getLong("person_id"),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("email"),
                        rs.getString("telegram_chat_id"),
                        rs.getBoolean("digest_low")))
                .optional();
    }

    public void savePreference(Preference p) {
        jdbc.sql("""
                        insert into notify_preference (person_id, channel, email, telegram_chat_id, digest_low)
                        values (:p, :c, :e, :t, :d)
                        on conflict (person_id) do update set channel = excluded.channel, email = excluded.email,
                            telegram_chat_id = excluded.telegram_chat_id, digest_low = excluded.digest_low
                        """)
                .param("p", p.personId())
                .param("c", p.channel().name())
                .param("e", p.email())
                .param("t", p.telegramChatId())
                .param("d", p.digestLow())
                .update();
    }

    public long insertPage(
            String type,
            String subjectId,
            @Nullable Long unitId,
            @Nullable Long teamId,
            String severity,
            String title,
            String body,
            List<Long> chain,
            @Nullable Long recipient,
            Instant at) {
        return jdbc.sql("""
                        insert into notify_page (subject_type, subject_id, unit_id, team_id, severity, title, body, level,
                            recipient_id, chain, created_at, last_sent_at)
                        values (:type, :sid, :unit, :team, :sev, :title, :body, 0, :rec, :chain, :at, :at) returning id
                        """)
                .param("type", type)
                .param("sid", subjectId)
                .param("unit", unitId)
                .param("team", teamId)
                .param("sev", severity)
                .param("title", title)
                .param("body", body)
                .param("rec", recipient)
                .param("chain", chain.toArray(Long[]::new))
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    public Optional<Page> page(long id) {
        return jdbc.sql("select * from notify_page where id = :id")
                .param("id", id)
                .query(NotifyDao::page)
                .optional();
    }

    public String pageBody(long id) {
        return jdbc.sql("select body from notify_page where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    /** Unacknowledged pages last sent in {@code (since, until]}. */
    public List<Page> due(Instant since, Instant until) {
        return jdbc.sql("""
                        select * from notify_page where acknowledged_at is null and not exhausted
                        and last_sent_at > :since and last_sent_at <= :until order by id
                        """)
                .param("since", Timestamp.from(since))
                .param("until", Timestamp.from(until))
                .query(NotifyDao::page)
                .list();
    }

    public List<Page> pages(int limit) {
        return jdbc.sql("select * from notify_page order by id desc limit :l")
                .param("l", limit)
                .query(NotifyDao::page)
                .list();
    }

    public void advance(long id, int level, @Nullable Long recipient, Instant at, boolean exhausted) {
        jdbc.sql(
                        "update notify_page set level = :l, recipient_id = :r, last_sent_at = :at, exhausted = :x where id = :id")
                .param("l", level)
                .param("r", recipient)
                .param("at", Timestamp.from(at))
                .param("x", exhausted)
                .param("id", id)
                .update();
    }

    public boolean acknowledgePage(long id, long personId, Instant at) {
        return jdbc.sql("""
                        update notify_page set acknowledged_at = :at, acknowledged_by = :p
                        where id = :id and acknowledged_at is null
                        """)
                        .param("at", Timestamp.from(at))
                        .param("p", personId)
                        .param("id", id)
                        .update()
                > 0;
    }

    public long log(
            @Nullable Long pageId,
            @Nullable Long warningId,
            @Nullable Long personId,
            String channel,
            @Nullable String address,
            String subject,
            String status,
            int attempts,
            @Nullable String error,
            Instant at) {
        return jdbc.sql("""
                        insert into notify_delivery (page_id, warning_id, person_id, channel, address, subject, status, attempts, error, at)
                        values (:page, :w, :p, :c, :a, :s, :st, :n, :e, :at) returning id
                        """)
                .param("page", pageId)
                .param("w", warningId)
                .param("p", personId)
                .param("c", channel)
                .param("a", address)
                .param("s", subject)
                .param("st", status)
                .param("n", attempts)
                .param("e", error)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    public List<Delivery> deliveries(int limit) {
        return jdbc.sql("select * from notify_delivery order by at desc, id desc limit :l")
                .param("l", limit)
                .query(NotifyDao::delivery)
                .list();
    }

    public java.util.Optional<Delivery> delivery(long id) {
        return jdbc.sql("select * from notify_delivery where id = :id")
                .param("id", id)
                .query(NotifyDao::delivery)
                .optional();
    }

    public List<Delivery> queuedDigests() {
        return jdbc.sql("select * from notify_delivery where status = 'QUEUED_DIGEST' order by person_id, id")
                .query(NotifyDao::delivery)
                .list();
    }

    public void markDigested(List<Long> ids, Instant at) {
        jdbc.sql("update notify_delivery set status = 'SENT', at = :at where id = any(:ids)")
                .param("at", Timestamp.from(at))
                .param("ids", ids.toArray(Long[]::new))
                .update();
    }

    public long insertWarning(String reference, String title, String body, String by, Instant at) {
        return jdbc.sql("""
                        insert into notify_warning (reference, title, body, created_by, created_at)
                        values (:r, :t, :b, :by, :at) returning id
                        """)
                .param("r", reference)
                .param("t", title)
                .param("b", body)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    public void insertRecipient(long warningId, long unitId, long personId, boolean delivered) {
        jdbc.sql("""
                        insert into notify_warning_recipient (warning_id, unit_id, person_id, delivered)
                        values (:w, :u, :p, :d) on conflict do nothing
                        """)
                .param("w", warningId)
                .param("u", unitId)
                .param("p", personId)
                .param("d", delivered)
                .update();
    }

    public boolean acknowledgeWarning(long warningId, long personId, Instant at) {
        return jdbc.sql("""
                        update notify_warning_recipient set acknowledged_at = :at
                        where warning_id = :w and person_id = :p and acknowledged_at is null
                        """)
                        .param("at", Timestamp.from(at))
                        .param("w", warningId)
                        .param("p", personId)
                        .update()
                > 0;
    }

    public List<WarningRow> warnings(int limit) {
        return jdbc.sql("select * from notify_warning order by id desc limit :l")
                .param("l", limit)
                .query((rs, n) -> new WarningRow(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public List<RecipientRow> recipients(long warningId) {
        return jdbc.sql("select * from notify_warning_recipient where warning_id = :w order by unit_id, person_id")
                .param("w", warningId)
                .query((rs, n) -> new RecipientRow(
                        rs.getLong("warning_id"),
                        rs.getLong("unit_id"),
                        rs.getLong("person_id"),
                        rs.getBoolean("delivered"),
                        rs.getTimestamp("acknowledged_at") == null
                                ? null
                                : rs.getTimestamp("acknowledged_at").toInstant()))
                .list();
    }

    private static Delivery delivery(ResultSet rs, int n) throws SQLException {
        return new Delivery(
                rs.getLong("id"),
                (Long) rs.getObject("page_id"),
                (Long) rs.getObject("warning_id"),
                (Long) rs.getObject("person_id"),
                rs.getString("channel"),
                rs.getString("address"),
                rs.getString("subject"),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getString("error"),
                rs.getTimestamp("at").toInstant());
    }

    private static Page page(ResultSet rs, int n) throws SQLException {
        List<Long> chain = new ArrayList<>();
        Array a = rs.getArray("chain");
        if (a != null) {
            for (Long l : (Long[]) a.getArray()) {
                chain.add(l);
            }
        }
        Timestamp ack = rs.getTimestamp("acknowledged_at");
        return new Page(
                rs.getLong("id"),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                rs.getString("severity"),
                rs.getString("title"),
                rs.getInt("level"),
                List.copyOf(chain),
                (Long) rs.getObject("recipient_id"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_sent_at").toInstant(),
                ack == null ? null : ack.toInstant(),
                (Long) rs.getObject("acknowledged_by"),
                rs.getBoolean("exhausted"));
    }
}
