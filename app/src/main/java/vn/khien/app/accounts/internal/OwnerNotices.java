package vn.khien.app.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.app.accounts.Account;
import vn.khien.app.accounts.OwnerNotice;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.notify.Delivery;
import vn.khien.app.notify.NotificationService;

/**
 * Mails an account's owner (through notify) after the transaction that changed the account commits, and records
 * each delivery in {@code account_owner_notice} and the audit trail. The text names the account, the rule or the
 * action; never a password or a hash, except the one-time initial password of an issued account, which only the
 * mail carries.
 */
@Component
public class OwnerNotices {
    /** Findings that put the account itself at risk and are worth a mail to its owner. */
    public static final Set<String> MAILED_RULES = Set.of("ACCOUNT-LEAKED", "ACCOUNT-DEFAULT", "ACCOUNT-WEAK");

    private static final Logger log = LoggerFactory.getLogger(OwnerNotices.class);

    private final NotificationService notify;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate fresh;

    public OwnerNotices(
            NotificationService notify,
            JdbcClient jdbc,
            AuditTrail audit,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.notify = notify;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.fresh = new TransactionTemplate(transactions);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What to tell whom. */
    public record Mail(
            Account account,
            long personId,
            OwnerNotice.Topic topic,
            @Nullable Long refId,
            @Nullable String ruleId,
            String subject,
            String body) {}

    /** Sends the mail after the current transaction commits (at once without one); nothing when it rolls back. */
    public void afterCommit(Mail mail) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            send(mail);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    send(mail);
                }
            }
        });
    }

    /** Sends now in a transaction of its own and records the delivery. */
    public OwnerNotice send(Mail m) {
        return fresh.execute(tx -> {
            Delivery d = notify.mailPerson(m.personId(), m.subject(), m.body());
            long id = jdbc.sql("""
                            insert into account_owner_notice (account_id, unit_id, person_id, topic, ref_id, rule_id,
                                delivery_id, status, at)
                            values (:a, :u, :p, :t, :ref, :rule, :d, :s, :at) returning id
                            """)
                    .param("a", m.account().id())
                    .param("u", m.account().unitId())
                    .param("p", m.personId())
                    .param("t", m.topic().name())
                    .param("ref", m.refId())
                    .param("rule", m.ruleId())
                    .param("d", d.id())
                    .param("s", d.status())
                    .param("at", Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
            if (m.topic() == OwnerNotice.Topic.REMEDIATION && m.refId() != null) {
                jdbc.sql("update account_remediation set notified_at = :at, notification_status = :s where id = :id")
                        .param("at", Timestamp.from(clock.instant()))
                        .param("s", d.status())
                        .param("id", m.refId())
                        .update();
            }
            OwnerNotice n = notices(m.account().id()).stream()
                    .filter(x -> x.id() == id)
                    .findFirst()
                    .orElseThrow();
            audit.record(
                    "accounts.owner.notify",
                    "account",
                    m.account().id(),
                    m.account().unitId(),
                    null,
                    n);
            log.info("Owner of account {} notified ({}): {}", m.account().id(), m.topic(), d.status());
            return n;
        });
    }

    public List<OwnerNotice> notices(long accountId) {
        return jdbc.sql("select * from account_owner_notice where account_id = :a order by at desc, id desc")
                .param("a", accountId)
                .query((rs, n) -> new OwnerNotice(
                        rs.getLong("id"),
                        rs.getLong("account_id"),
                        rs.getLong("person_id"),
                        OwnerNotice.Topic.valueOf(rs.getString("topic")),
                        (Long) rs.getObject("ref_id", Long.class),
                        rs.getString("rule_id"),
                        (Long) rs.getObject("delivery_id", Long.class),
                        rs.getString("status"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }
}
