package vn.khien.app.security.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.ApiKey;
import vn.khien.core.org.Role;

/** SQL for API keys; only their SHA-256 is stored. */
@Repository
public class ApiKeyDao {
    private final JdbcClient jdbc;

    public ApiKeyDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String name, String prefix, String secretHash, long unitId, Role role, String createdBy) {
        return jdbc.sql("""
                        insert into api_key (name, prefix, secret_hash, unit_id, role, created_by)
                        values (:n, :p, :h, :u, :r, :c) returning id
                        """)
                .param("n", name)
                .param("p", prefix)
                .param("h", secretHash)
                .param("u", unitId)
                .param("r", role.name())
                .param("c", createdBy)
                .query(Long.class)
                .single();
    }

    public Optional<ApiKey> findActiveByHash(String secretHash) {
        return jdbc.sql("select * from api_key where secret_hash = :h and revoked_at is null")
                .param("h", secretHash)
                .query((rs, n) -> key(rs))
                .optional();
    }

    public List<ApiKey> list(UnitScope scope) {
        String where = scope.all() ? "true" : "unit_id = any(:scope)";
        JdbcClient.StatementSpec spec = jdbc.sql("select * from api_key where " + where + " order by created_at desc");
        if (!scope.all()) {
            spec = spec.param("scope", scope.unitIds().toArray(Long[]::new));
        }
        return spec.query((rs, n) -> key(rs)).list();
    }

    public Optional<ApiKey> find(long id) {
        return jdbc.sql("select * from api_key where id = :id")
                .param("id", id)
                .query((rs, n) -> key(rs))
                .optional();
    }

    public void revoke(long id, Instant at) {
        jdbc.sql("update api_key set revoked_at = :at where id = :id and revoked_at is null")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    public void touch(long id, Instant at) {
        jdbc.sql(
                        "update api_key set last_used_at = :at where id = :id and (last_used_at is null or last_used_at < cast(:at as timestamptz) - interval '1 minute')")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    private static ApiKey key(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp used = rs.getTimestamp("last_used_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiKey(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("prefix"),
                rs.getLong("unit_id"),
                Role.valueOf(rs.getString("role")),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                used == null ? null : used.toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
