package vn.khien.app.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.app.accounts.AuditRun;
import vn.khien.app.accounts.Finding;
import vn.khien.app.platform.UnitScope;

/** SQL for account findings, their history and audit runs. */
@Repository
public class AccountFindingDao {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FINDING = """
            select f.*, a.login, s.name as system_name
            from account_finding f join account a on a.id = f.account_id join account_system s on s.id = a.system_id
            """;

    private final JdbcClient jdbc;

    public AccountFindingDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opens (or keeps open) the finding of {@code rule} on an account; a resolved one re-opens. Writes history
     * only when the status or the evidence changes. Returns whether the finding is new or re-opened.
     */
    public boolean raise(String rule, long accountId, long unitId, String evidence, Instant now) {
        Optional<Finding> before = jdbc.sql(FINDING + " where f.rule_id = :r and f.account_id = :a")
                .param("r", rule)
                .param("a", accountId)
                .query(AccountFindingDao::finding)
                .optional();
        long id = jdbc.sql("""
                        insert into account_finding (rule_id, account_id, unit_id, status, evidence, first_seen, last_seen)
                        values (:r, :a, :u, 'OPEN', :e, :now, :now)
                        on conflict (rule_id, account_id) do update set
                            status = 'OPEN', evidence = excluded.evidence, unit_id = excluded.unit_id,
                            last_seen = excluded.last_seen, resolved_at = null
                        returning id
                        """)
                .param("r", rule)
                .param("a", accountId)
                .param("u", unitId)
                .param("e", evidence)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        boolean changed = before.isEmpty()
                || !before.get().open()
                || !before.get().evidence().equals(evidence);
        if (changed) {
            history(id, "OPEN", evidence, now);
        }
        return before.isEmpty() || !before.get().open();
    }

    /** Resolves the open findings of {@code rules} on {@code accounts} that are not in {@code keep}. */
    public int resolveOthers(Collection<String> rules, Collection<Long> accounts, Collection<Long> keep, Instant now) {
        if (accounts.isEmpty()) {
            return 0;
        }
        List<Long> ids = jdbc.sql("""
                        update account_finding set status = 'RESOLVED', resolved_at = :now
                        where status = 'OPEN' and rule_id = any(:rules) and account_id = any(:accounts)
                          and not (id = any(:keep))
                        returning id
                        """)
                .param("rules", rules.toArray(String[]::new))
                .param("accounts", accounts.toArray(Long[]::new))
                .param("keep", keep.toArray(Long[]::new))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .list();
        for (long id : ids) {
            history(id, "RESOLVED", "no longer found", now);
        }
        return ids.size();
    }

    public Optional<Long> idOf(String rule, long accountId) {
        return jdbc.sql("select id from account_finding where rule_id = :r and account_id = :a")
                .param("r", rule)
                .param("a", accountId)
                .query(Long.class)
                .optional();
    }

    private void history(long findingId, String status, String evidence, Instant at) {
        jdbc.sql("insert into account_finding_history (finding_id, at, status, evidence) values (:f, :at, :s, :e)")
                .param("f", findingId)
                .param("at", Timestamp.from(at))
                .param("s", status)
                .param("e", evidence)
                .update();
    }

    public List<Finding> findings(
            UnitScope scope, @Nullable Long accountId, @Nullable String rule, boolean openOnly, int limit) {
        StringBuilder sql = new StringBuilder(FINDING).append(" where ").append(AccountDao.scoped("f.unit_id", scope));
        if (accountId != null) {
            sql.append(" and f.account_id = :account");
        }
        if (rule != null && !rule.isBlank()) {
            sql.append(" and f.rule_id = :rule");
        }
        if (openOnly) {
            sql.append(" and f.status = 'OPEN'");
        }
        sql.append(" order by f.status, f.rule_id, a.login limit :limit");
        JdbcClient.StatementSpec spec =
                AccountDao.bind(jdbc.sql(sql.toString()), scope).param("limit", limit);
        if (accountId != null) {
            spec = spec.param("account", accountId);
        }
        if (rule != null && !rule.isBlank()) {
            spec = spec.param("rule", rule);
        }
        return spec.query(AccountFindingDao::finding).list();
    }

    public Optional<Finding> finding(UnitScope scope, long id) {
        return AccountDao.bind(
                        jdbc.sql(FINDING + " where f.id = :id and " + AccountDao.scoped("f.unit_id", scope)), scope)
                .param("id", id)
                .query(AccountFindingDao::finding)
                .optional();
    }

    /** Open findings on these accounts. */
    public long countOpen(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from account_finding where status = 'OPEN' and account_id = any(:a)")
                .param("a", accountIds.toArray(Long[]::new))
                .query(Long.class)
                .single();
    }

    /** Open findings per rule in scope. */
    public Map<String, Long> openByRule(UnitScope scope) {
        Map<String, Long> out = new LinkedHashMap<>();
        AccountDao.bind(
                        jdbc.sql("select rule_id, count(*) from account_finding f where status = 'OPEN' and "
                                + AccountDao.scoped("f.unit_id", scope) + " group by rule_id order by rule_id"),
                        scope)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    // runs

    public long startRun(String kind, @Nullable Long unitId, String actor, Instant at) {
        return jdbc.sql(
                        "insert into account_audit_run (kind, unit_id, actor, started) values (:k, :u, :a, :at) returning id")
                .param("k", kind)
                .param("u", unitId)
                .param("a", actor)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    public void finishRun(long id, Instant at, String summary, Map<String, Long> counts) {
        jdbc.sql("update account_audit_run set finished = :at, summary = :s, counts = cast(:c as jsonb) where id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("s", summary)
                .param("c", JSON.writeValueAsString(counts))
                .update();
    }

    public List<AuditRun> runs(UnitScope scope, int limit) {
        String where = scope.all() ? "true" : "unit_id = any(:scope)";
        return AccountDao.bind(
                        jdbc.sql("select * from account_audit_run where " + where
                                + " order by started desc, id desc limit :l"),
                        scope)
                .param("l", limit)
                .query(AccountFindingDao::run)
                .list();
    }

    public Optional<AuditRun> run(UnitScope scope, long id) {
        String where = scope.all() ? "true" : "unit_id = any(:scope)";
        return AccountDao.bind(jdbc.sql("select * from account_audit_run where id = :id and " + where), scope)
                .param("id", id)
                .query(AccountFindingDao::run)
                .optional();
    }

    private static AuditRun run(ResultSet rs, int n) throws SQLException {
        long unit = rs.getLong("unit_id");
        Long unitId = rs.wasNull() ? null : unit;
        Map<String, Long> counts = JSON.readValue(rs.getString("counts"), new TypeReference<Map<String, Long>>() {});
        return new AuditRun(
                rs.getLong("id"),
                rs.getString("kind"),
                unitId,
                rs.getString("actor"),
                rs.getTimestamp("started").toInstant(),
                AccountDao.instant(rs, "finished"),
                rs.getString("summary"),
                counts);
    }

    static Finding finding(ResultSet rs, int n) throws SQLException {
        return new Finding(
                rs.getLong("id"),
                rs.getString("rule_id"),
                rs.getLong("account_id"),
                rs.getString("login"),
                rs.getString("system_name"),
                rs.getLong("unit_id"),
                rs.getString("status"),
                rs.getString("evidence"),
                rs.getTimestamp("first_seen").toInstant(),
                rs.getTimestamp("last_seen").toInstant(),
                AccountDao.instant(rs, "resolved_at"));
    }
}
