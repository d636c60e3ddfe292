package vn.khien.app.compliance.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the sources that publish findings: their rules and per-unit subject counts. */
@Repository
public class PublicationDao {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public PublicationDao(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** One source: its rules and each unit's own subject count. */
    public record Source(String source, List<String> rules, Map<Long, Long> subjects) {}

    /** Replaces what {@code source} publishes: its rules and its per-unit counts. */
    public void replace(String source, Collection<String> rules, Map<Long, Long> subjects, Instant at) {
        jdbc.sql("""
                        insert into compliance_source (source, rule_ids, published_at) values (:s, :r, :at)
                        on conflict (source) do update set rule_ids = excluded.rule_ids, published_at = excluded.published_at
                        """)
                .param("s", source)
                .param("r", rules.toArray(String[]::new))
                .param("at", Timestamp.from(at))
                .update();
        jdbc.sql("delete from compliance_population where source = :s")
                .param("s", source)
                .update();
        List<Object[]> rows = new ArrayList<>();
        subjects.forEach((unit, n) -> rows.add(new Object[] {source, unit, n}));
        template.batchUpdate("insert into compliance_population (source, unit_id, subjects) values (?, ?, ?)", rows);
    }

    public List<Source> sources() {
        Map<String, Map<Long, Long>> counts = new HashMap<>();
        jdbc.sql("select source, unit_id, subjects from compliance_population").query(rs -> {
            counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getLong(3));
        });
        return jdbc.sql("select source, rule_ids from compliance_source order by source")
                .query((rs, n) -> new Source(
                        rs.getString(1),
                        List.of((String[]) rs.getArray(2).getArray()),
                        counts.getOrDefault(rs.getString(1), Map.of())))
                .list();
    }
}
