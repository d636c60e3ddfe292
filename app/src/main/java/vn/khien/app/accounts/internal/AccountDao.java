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
import vn.khien.app.accounts.Account;
import vn.khien.app.accounts.AccountRecord;
import vn.khien.app.accounts.AccountSystem;
import vn.khien.app.accounts.ConnectionDraft;
import vn.khien.app.accounts.DirectoryConnection;
import vn.khien.app.accounts.DirectoryKind;
import vn.khien.app.accounts.SystemKind;
import vn.khien.app.platform.UnitScope;

/** SQL for systems, directory connections and accounts. Reads filter by the caller's scope. */
@Repository
public class AccountDao {
    private static final String SYSTEM = """
            select s.id, s.name, s.kind, s.unit_id, u.name as unit_name
            from account_system s join unit_current u on u.id = s.unit_id
            """;
    private static final String CONNECTION = """
            select c.id, c.system_id, s.name as system_name, c.unit_id, c.kind, c.url, c.base_dn, c.bind_dn,
                   c.admin_group, c.mfa_group, c.audit_passwords, c.sync_every_hours, c.last_sync_at,
                   c.last_sync_result
            from directory_connection c join account_system s on s.id = c.system_id
            """;
    private static final String ACCOUNT = """
            select a.*, s.name as system_name, s.kind as system_kind, u.name as unit_name,
                   (select count(*) from account_finding f where f.account_id = a.id and f.status = 'OPEN') as open
            from account a join account_system s on s.id = a.system_id join unit_current u on u.id = a.unit_id
            """;

    private final JdbcClient jdbc;

    public AccountDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String scoped(String column, UnitScope scope) {
        return scope.all() ? "true" : column + " = any(:scope)";
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UnitScope scope) {
        return scope.all() ? spec : spec.param("scope", scope.unitIds().toArray(Long[]::new));
    }

    // systems

    public List<AccountSystem> systems(UnitScope scope) {
        return bind(jdbc.sql(SYSTEM + " where " + scoped("s.unit_id", scope) + " order by u.name, s.name"), scope)
                .query(AccountDao::system)
                .list();
    }

    public Optional<AccountSystem> system(UnitScope scope, long id) {
        return bind(jdbc.sql(SYSTEM + " where s.id = :id and " + scoped("s.unit_id", scope)), scope)
                .param("id", id)
                .query(AccountDao::system)
                .optional();
    }

    public long insertSystem(String name, SystemKind kind, long unitId) {
        return jdbc.sql("insert into account_system (name, kind, unit_id) values (:n, :k, :u) returning id")
                .param("n", name)
                .param("k", kind.name())
                .param("u", unitId)
                .query(Long.class)
                .single();
    }

    public Optional<Long> systemByName(long unitId, String name) {
        return jdbc.sql("select id from account_system where unit_id = :u and lower(name) = lower(:n)")
                .param("u", unitId)
                .param("n", name)
                .query(Long.class)
                .optional();
    }

    // connections

    public List<DirectoryConnection> connections(UnitScope scope) {
        return bind(jdbc.sql(CONNECTION + " where " + scoped("c.unit_id", scope) + " order by s.name"), scope)
                .query(AccountDao::connection)
                .list();
    }

    public Optional<DirectoryConnection> connection(UnitScope scope, long id) {
        return bind(jdbc.sql(CONNECTION + " where c.id = :id and " + scoped("c.unit_id", scope)), scope)
                .param("id", id)
                .query(AccountDao::connection)
                .optional();
    }

    public Optional<DirectoryConnection> connectionOfSystem(long systemId) {
        return jdbc.sql(CONNECTION + " where c.system_id = :s order by c.id limit 1")
                .param("s", systemId)
                .query(AccountDao::connection)
                .optional();
    }

    /** The sealed bind password; only the directory client unseals it. */
    public String sealedPassword(long connectionId) {
        return jdbc.sql("select bind_password_enc from directory_connection where id = :id")
                .param("id", connectionId)
                .query(String.class)
                .single();
    }

    public long insertConnection(long systemId, long unitId, ConnectionDraft d, String sealed) {
        return jdbc.sql("""
                        insert into directory_connection (system_id, unit_id, kind, url, base_dn, bind_dn,
                            bind_password_enc, admin_group, mfa_group, audit_passwords, sync_every_hours)
                        values (:s, :u, :k, :url, :base, :bind, :pw, :admin, :mfa, :audit, :every) returning id
                        """)
                .param("s", systemId)
                .param("u", unitId)
                .param("k", d.kind().name())
                .param("url", d.url().strip())
                .param("base", d.baseDn().strip())
                .param("bind", d.bindDn().strip())
                .param("pw", sealed)
                .param("admin", blank(d.adminGroup()))
                .param("mfa", blank(d.mfaGroup()))
                .param("audit", d.auditPasswords())
                .param("every", d.syncEveryHours())
                .query(Long.class)
                .single();
    }

    public void updateConnection(long id, ConnectionDraft d, @Nullable String sealed) {
        jdbc.sql("""
                        update directory_connection set kind = :k, url = :url, base_dn = :base, bind_dn = :bind,
                            bind_password_enc = coalesce(:pw, bind_password_enc), admin_group = :admin,
                            mfa_group = :mfa, audit_passwords = :audit, sync_every_hours = :every
                        where id = :id
                        """)
                .param("id", id)
                .param("k", d.kind().name())
                .param("url", d.url().strip())
                .param("base", d.baseDn().strip())
                .param("bind", d.bindDn().strip())
                .param("pw", sealed)
                .param("admin", blank(d.adminGroup()))
                .param("mfa", blank(d.mfaGroup()))
                .param("audit", d.auditPasswords())
                .param("every", d.syncEveryHours())
                .update();
    }

    public void syncDone(long id, Instant at, String result) {
        jdbc.sql("update directory_connection set last_sync_at = :at, last_sync_result = :r where id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("r", result)
                .update();
    }

    /** Connections with a schedule whose last sync is older than their interval. */
    public List<DirectoryConnection> dueForSync(Instant now) {
        return jdbc.sql(CONNECTION + """
                         where c.sync_every_hours is not null
                           and (c.last_sync_at is null or c.last_sync_at < :now - make_interval(hours => c.sync_every_hours))
                        """)
                .param("now", Timestamp.from(now))
                .query(AccountDao::connection)
                .list();
    }

    // accounts

    public List<Account> accounts(UnitScope scope, @Nullable Long unitId, @Nullable String q, int limit, int offset) {
        StringBuilder sql = new StringBuilder(ACCOUNT).append(" where ").append(scoped("a.unit_id", scope));
        if (unitId != null) {
            sql.append(" and a.unit_id = :unit");
        }
        if (q != null && !q.isBlank()) {
            sql.append(" and (a.login ilike :q or a.email ilike :q)");
        }
        sql.append(" order by u.name, s.name, a.login limit :limit offset :offset");
        JdbcClient.StatementSpec spec =
                bind(jdbc.sql(sql.toString()), scope).param("limit", limit).param("offset", offset);
        if (unitId != null) {
            spec = spec.param("unit", unitId);
        }
        if (q != null && !q.isBlank()) {
            spec = spec.param("q", "%" + q.strip().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return spec.query(AccountDao::account).list();
    }

    public Optional<Account> account(UnitScope scope, long id) {
        return bind(jdbc.sql(ACCOUNT + " where a.id = :id and " + scoped("a.unit_id", scope)), scope)
                .param("id", id)
                .query(AccountDao::account)
                .optional();
    }

    public List<Account> ofSystem(long systemId) {
        return jdbc.sql(ACCOUNT + " where a.system_id = :s order by a.login")
                .param("s", systemId)
                .query(AccountDao::account)
                .list();
    }

    public long count(UnitScope scope) {
        return bind(jdbc.sql("select count(*) from account a where " + scoped("a.unit_id", scope)), scope)
                .query(Long.class)
                .single();
    }

    /** Inserts or updates one account by (system, login); returns its id and whether anything changed. */
    public long upsert(
            long systemId, long unitId, AccountRecord r, @Nullable Long owner, boolean departed, String source) {
        return jdbc.sql("""
                        insert into account (system_id, unit_id, login, email, dn, owner_person_id, enabled, locked,
                            created_on, last_login_at, password_set_at, privileged, mfa, source, departed)
                        values (:s, :u, :login, :email, :dn, :owner, :enabled, :locked, :created, :last, :pwd,
                            :priv, :mfa, :source, :departed)
                        on conflict (system_id, lower(login)) do update set
                            unit_id = excluded.unit_id, email = excluded.email, dn = excluded.dn,
                            owner_person_id = excluded.owner_person_id, enabled = excluded.enabled,
                            locked = excluded.locked, created_on = excluded.created_on,
                            last_login_at = excluded.last_login_at, password_set_at = excluded.password_set_at,
                            privileged = excluded.privileged, mfa = excluded.mfa, source = excluded.source,
                            departed = excluded.departed, updated_at = now()
                        returning id
                        """)
                .param("s", systemId)
                .param("u", unitId)
                .param("login", r.login())
                .param("email", r.email())
                .param("dn", r.dn())
                .param("owner", owner)
                .param("enabled", r.enabled())
                .param("locked", r.locked())
                .param("created", ts(r.createdOn()))
                .param("last", ts(r.lastLoginAt()))
                .param("pwd", ts(r.passwordSetAt()))
                .param("priv", r.privileged())
                .param("mfa", r.mfa())
                .param("source", source)
                .param("departed", departed)
                .query(Long.class)
                .single();
    }

    public void setState(long id, boolean enabled, boolean locked) {
        jdbc.sql("update account set enabled = :e, locked = :l, updated_at = now() where id = :id")
                .param("id", id)
                .param("e", enabled)
                .param("l", locked)
                .update();
    }

    public void setOwner(long id, long personId, boolean departed) {
        jdbc.sql("update account set owner_person_id = :p, departed = :d, updated_at = now() where id = :id")
                .param("id", id)
                .param("p", personId)
                .param("d", departed)
                .update();
    }

    /** Every account in scope, for the registry audit. */
    /** Marks the accounts of a person who left as departed; returns the systems they are in. */
    public List<Long> markDeparted(long personId) {
        return jdbc.sql("""
                        update account set departed = true, updated_at = now()
                        where owner_person_id = :p and not departed returning system_id
                        """).param("p", personId).query(Long.class).list().stream()
                .distinct()
                .toList();
    }

    /** Number of accounts per unit (own, not subtree), province-wide. */
    public java.util.Map<Long, Long> countsByUnit() {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        jdbc.sql("select unit_id, count(*) from account group by unit_id").query(rs -> {
            out.put(rs.getLong(1), rs.getLong(2));
        });
        return out;
    }

    public List<Account> all(UnitScope scope) {
        return bind(jdbc.sql(ACCOUNT + " where " + scoped("a.unit_id", scope)), scope)
                .query(AccountDao::account)
                .list();
    }

    private static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static @Nullable Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static AccountSystem system(ResultSet rs, int n) throws SQLException {
        return new AccountSystem(
                rs.getLong("id"),
                rs.getString("name"),
                SystemKind.valueOf(rs.getString("kind")),
                rs.getLong("unit_id"),
                rs.getString("unit_name"));
    }

    private static DirectoryConnection connection(ResultSet rs, int n) throws SQLException {
        Integer every = rs.getObject("sync_every_hours", Integer.class);
        return new DirectoryConnection(
                rs.getLong("id"),
                rs.getLong("system_id"),
                rs.getString("system_name"),
                rs.getLong("unit_id"),
                DirectoryKind.valueOf(rs.getString("kind")),
                rs.getString("url"),
                rs.getString("base_dn"),
                rs.getString("bind_dn"),
                rs.getString("admin_group"),
                rs.getString("mfa_group"),
                rs.getBoolean("audit_passwords"),
                every,
                instant(rs, "last_sync_at"),
                rs.getString("last_sync_result"));
    }

    private static Account account(ResultSet rs, int n) throws SQLException {
        long owner = rs.getLong("owner_person_id");
        Long ownerId = rs.wasNull() ? null : owner;
        return new Account(
                rs.getLong("id"),
                rs.getLong("system_id"),
                rs.getString("system_name"),
                SystemKind.valueOf(rs.getString("system_kind")),
                rs.getLong("unit_id"),
                rs.getString("unit_name"),
                rs.getString("login"),
                rs.getString("email"),
                rs.getString("dn"),
                ownerId,
                rs.getBoolean("enabled"),
                rs.getBoolean("locked"),
                instant(rs, "created_on"),
                instant(rs, "last_login_at"),
                instant(rs, "password_set_at"),
                rs.getBoolean("privileged"),
                rs.getBoolean("mfa"),
                rs.getString("source"),
                rs.getBoolean("departed"),
                rs.getInt("open"));
    }
}
