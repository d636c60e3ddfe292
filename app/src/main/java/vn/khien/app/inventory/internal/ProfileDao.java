package vn.khien.app.inventory.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for console CSV profiles added in the UI (stored as their JSON, parsed by core on use). */
@Repository
public class ProfileDao {
    private final JdbcClient jdbc;

    public ProfileDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> all() {
        return jdbc.sql("select json from av_console_profile order by id")
                .query(String.class)
                .list();
    }

    public void upsert(String id, String product, String json, String actor, Instant at) {
        jdbc.sql("""
                        insert into av_console_profile (id, product, json, created_by, created_at)
                        values (:id, :product, :json, :actor, :at)
                        on conflict (id) do update set product = excluded.product, json = excluded.json,
                            created_by = excluded.created_by, created_at = excluded.created_at
                        """)
                .param("id", id)
                .param("product", product)
                .param("json", json)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .update();
    }
}
