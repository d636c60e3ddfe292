package vn.khien.app.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.accounts.LifecycleRequest;
import vn.khien.app.accounts.Remediation;
import vn.khien.app.platform.UnitScope;

/** SQL for remediation proposals and lifecycle requests. */
@Repository
public class RemediationDao {
    private static final String REMEDIATION = """
            select r.*, f.rule_id, a.login
            from account_remediation r join account_finding f on f.id = r.finding_id join account a on a.id = r.account_id
            """;

    private final JdbcClient jdbc;

    public RemediationDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long propose(
            long findingId,
            long accountId,
            long unitId,
            Remediation.Action action,
            @Nullable String reason,
            String dryRun,
            String by,
            Instant at) {
        return jdbc.sql("""
                        insert into account_remediation (finding_id, account_id, unit_id, action, status, reason,
                            dry_run, proposed_by, proposed_at)
                        values (:f, :a, :u, :action, 'PROPOSED', :reason, :dry, :by, :at) returning id
                        """)
                .param("f", findingId)
                .param("a", accountId)
                .param("u", unitId)
                .param("action", action.name())
                .param("reason", reason)
                .param("dry", dryRun)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    public void decide(long id, Remediation.Status status, String approver, Instant at) {
        jdbc.sql("update account_remediation set status = :s, approver = :a, decided_at = :at where id = :id")
                .param("id", id)
                .param("s", status.name())
                .param("a", approver)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void executed(long id, Remediation.Status status, String result, Instant at, boolean verified) {
        jdbc.sql("""
                        update account_remediation set status = :s, result = :r, executed_at = :at,
                            verified_at = :verifiedAt, notification_due = :notify
                        where id = :id
                        """)
                .param("id", id)
                .param("s", status.name())
                .param("r", result)
                .param("at", Timestamp.from(at))
                .param("verifiedAt", verified ? Timestamp.from(at) : null)
                .param("notify", status == Remediation.Status.EXECUTED || status == Remediation.Status.VERIFIED)
                .update();
    }

    public List<Remediation> list(UnitScope scope, @Nullable Long accountId, boolean pendingOnly) {
        StringBuilder sql =
                new StringBuilder(REMEDIATION).append(" where ").append(AccountDao.scoped("r.unit_id", scope));
        if (accountId != null) {
            sql.append(" and r.account_id = :account");
        }
        if (pendingOnly) {
            sql.append(" and r.status = 'PROPOSED'");
        }
        sql.append(" order by r.proposed_at desc, r.id desc limit 500");
        JdbcClient.StatementSpec spec = AccountDao.bind(jdbc.sql(sql.toString()), scope);
        if (accountId != null) {
            spec = spec.param("account", accountId);
        }
        return spec.query(RemediationDao::remediation).list();
    }

    public Optional<Remediation> find(UnitScope scope, long id) {
        return AccountDao.bind(
                        jdbc.sql(REMEDIATION + " where r.id = :id and " + AccountDao.scoped("r.unit_id", scope)), scope)
                .param("id", id)
                .query(RemediationDao::remediation)
                .optional();
    }

    // lifecycle

    public long request(
            LifecycleRequest.Kind kind,
            long unitId,
            long systemId,
            @Nullable Long accountId,
            @Nullable String login,
            @Nullable Long personId,
            @Nullable String reason,
            String by,
            Instant at) {
        return jdbc.sql("""
                        insert into account_lifecycle_request (kind, status, unit_id, system_id, account_id, login,
                            person_id, reason, requested_by, requested_at)
                        values (:k, 'PROPOSED', :u, :s, :a, :login, :p, :reason, :by, :at) returning id
                        """)
                .param("k", kind.name())
                .param("u", unitId)
                .param("s", systemId)
                .param("a", accountId)
                .param("login", login)
                .param("p", personId)
                .param("reason", reason)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    public void decideRequest(long id, String status, String approver, Instant at) {
        jdbc.sql("update account_lifecycle_request set status = :s, approver = :a, decided_at = :at where id = :id")
                .param("id", id)
                .param("s", status)
                .param("a", approver)
                .param("at", Timestamp.from(at))
                .update();
    }

    public List<LifecycleRequest> requests(UnitScope scope, boolean pendingOnly) {
        String sql = "select * from account_lifecycle_request where " + AccountDao.scoped("unit_id", scope)
                + (pendingOnly ? " and status = 'PROPOSED'" : "") + " order by requested_at desc, id desc limit 500";
        return AccountDao.bind(jdbc.sql(sql), scope)
                .query(RemediationDao::request)
                .list();
    }

    public Optional<LifecycleRequest> findRequest(UnitScope scope, long id) {
        return AccountDao.bind(
                        jdbc.sql("select * from account_lifecycle_request where id = :id and "
                                + AccountDao.scoped("unit_id", scope)),
                        scope)
                .param("id", id)
                .query(RemediationDao::request)
                .optional();
    }

    private static LifecycleRequest request(ResultSet rs, int n) throws SQLException {
        return new LifecycleRequest(
                rs.getLong("id"),
                LifecycleRequest.Kind.valueOf(rs.getString("kind")),
                rs.getString("status"),
                rs.getLong("unit_id"),
                rs.getLong("system_id"),
                rs.getObject("account_id", Long.class),
                rs.getString("login"),
                rs.getObject("person_id", Long.class),
                rs.getString("reason"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getString("approver"),
                AccountDao.instant(rs, "decided_at"),
                rs.getString("dry_run"),
                rs.getString("outcome"),
                rs.getString("result"),
                AccountDao.instant(rs, "applied_at"));
    }

    public void applied(
            long id, @Nullable Long accountId, @Nullable String dryRun, String outcome, String result, Instant at) {
        jdbc.sql("""
                        update account_lifecycle_request set account_id = coalesce(:account, account_id),
                            dry_run = :dry, outcome = :outcome, result = :result, applied_at = :at where id = :id
                        """)
                .param("account", accountId)
                .param("dry", dryRun)
                .param("outcome", outcome)
                .param("result", result)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    private static Remediation remediation(ResultSet rs, int n) throws SQLException {
        return new Remediation(
                rs.getLong("id"),
                rs.getLong("finding_id"),
                rs.getString("rule_id"),
                rs.getLong("account_id"),
                rs.getString("login"),
                rs.getLong("unit_id"),
                Remediation.Action.valueOf(rs.getString("action")),
                Remediation.Status.valueOf(rs.getString("status")),
                rs.getString("reason"),
                rs.getString("dry_run"),
                rs.getString("result"),
                rs.getString("proposed_by"),
                rs.getTimestamp("proposed_at").toInstant(),
                rs.getString("approver"),
                AccountDao.instant(rs, "decided_at"),
                AccountDao.instant(rs, "executed_at"),
                AccountDao.instant(rs, "verified_at"),
                rs.getBoolean("notification_due"),
                AccountDao.instant(rs, "notified_at"),
                rs.getString("notification_status"));
    }
}
