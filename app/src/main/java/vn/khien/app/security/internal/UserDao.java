package vn.khien.app.security.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.UserAccount;
import vn.khien.core.org.Role;

/** SQL for logins. The password hash and TOTP seed are read only by the authentication path. */
@Repository
public class UserDao {
    private final JdbcClient jdbc;

    public UserDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Row used to authenticate; holds secrets, so it never leaves this package's callers. */
    public record Credentials(
            long id,
            String username,
            String displayName,
            @Nullable Long unitId,
            Set<Role> roles,
            String passwordHash,
            @Nullable String totpSecret,
            long totpLastStep,
            boolean enabled,
            boolean mustChangePassword,
            int failedAttempts,
            @Nullable Instant lockedUntil) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("select * from app_user where lower(username) = lower(:u)")
                .param("u", username)
                .query((rs, n) -> new Credentials(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        (Long) rs.getObject("unit_id"),
                        roles(rs),
                        rs.getString("password_hash"),
                        rs.getString("totp_secret"),
                        rs.getLong("totp_last_step"),
                        rs.getBoolean("enabled"),
                        rs.getBoolean("must_change_password"),
                        rs.getInt("failed_attempts"),
                        instant(rs, "locked_until")))
                .optional();
    }

    public Optional<UserAccount> find(long id) {
        return jdbc.sql("select * from app_user where id = :id")
                .param("id", id)
                .query(UserDao::account)
                .optional();
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("select * from app_user where lower(username) = lower(:u)")
                .param("u", username)
                .query(UserDao::account)
                .optional();
    }

    public List<UserAccount> list(UnitScope scope) {
        String where = scope.all() ? "true" : "unit_id = any(:scope)";
        JdbcClient.StatementSpec spec = jdbc.sql("select * from app_user where " + where + " order by username");
        if (!scope.all()) {
            spec = spec.param("scope", scope.unitIds().toArray(Long[]::new));
        }
        return spec.query(UserDao::account).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public long insert(
            String username,
            String displayName,
            @Nullable Long personId,
            @Nullable Long unitId,
            Set<Role> roles,
            String passwordHash,
            boolean mustChange) {
        return jdbc.sql("""
                        insert into app_user (username, display_name, person_id, unit_id, roles, password_hash,
                                              must_change_password)
                        values (:u, :d, :p, :unit, :roles, :h, :m) returning id
                        """)
                .param("u", username)
                .param("d", displayName)
                .param("p", personId)
                .param("unit", unitId)
                .param("roles", roles.stream().map(Role::name).sorted().toArray(String[]::new))
                .param("h", passwordHash)
                .param("m", mustChange)
                .query(Long.class)
                .single();
    }

    public void setPassword(long id, String hash, boolean mustChange) {
        jdbc.sql("update app_user set password_hash = :h, must_change_password = :m where id = :id")
                .param("h", hash)
                .param("m", mustChange)
                .param("id", id)
                .update();
    }

    public void setTotp(long id, @Nullable String sealedSecret, long lastStep) {
        jdbc.sql("update app_user set totp_secret = :s, totp_last_step = :l where id = :id")
                .param("s", sealedSecret)
                .param("l", lastStep)
                .param("id", id)
                .update();
    }

    /** Records a used TOTP step; false when it was already used (a replay). */
    public boolean useTotpStep(long id, long step) {
        return jdbc.sql("update app_user set totp_last_step = :s where id = :id and totp_last_step < :s")
                        .param("s", step)
                        .param("id", id)
                        .update()
                == 1;
    }

    public void setRolesAndUnit(long id, Set<Role> roles, @Nullable Long unitId, boolean enabled) {
        jdbc.sql("update app_user set roles = :r, unit_id = :u, enabled = :e where id = :id")
                .param("r", roles.stream().map(Role::name).sorted().toArray(String[]::new))
                .param("u", unitId)
                .param("e", enabled)
                .param("id", id)
                .update();
    }

    public int recordFailure(String username, Instant now, int threshold, long baseSeconds, long maxSeconds) {
        return jdbc.sql("""
                        update app_user set failed_attempts = failed_attempts + 1,
                            locked_until = case when failed_attempts + 1 >= :t
                                then cast(:now as timestamptz) + make_interval(secs =>
                                     least(:max, :base * power(2, failed_attempts + 1 - :t)))
                                else locked_until end
                        where lower(username) = lower(:u)
                        """)
                .param("t", threshold)
                .param("now", Timestamp.from(now))
                .param("max", (double) maxSeconds)
                .param("base", (double) baseSeconds)
                .param("u", username)
                .update();
    }

    public void recordSuccess(long id, Instant now) {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null, last_login_at = :now where id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    public void unlock(long id) {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where id = :id")
                .param("id", id)
                .update();
    }

    private static Set<Role> roles(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array a = rs.getArray("roles");
        if (a != null) {
            for (String r : (String[]) a.getArray()) {
                roles.add(Role.valueOf(r));
            }
        }
        return roles;
    }

    private static @Nullable Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static UserAccount account(ResultSet rs, int n) throws SQLException {
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                (Long) rs.getObject("person_id"),
                (Long) rs.getObject("unit_id"),
                roles(rs),
                rs.getBoolean("enabled"),
                rs.getString("totp_secret") != null,
                rs.getBoolean("must_change_password"),
                instant(rs, "locked_until"),
                instant(rs, "last_login_at"));
    }
}
