package vn.khien.app.compliance.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for state-secret machines seen in network logs (one row per endpoint). */
@Repository
public class LogSightingDao {
    private final JdbcClient jdbc;

    public LogSightingDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The log source and time that show an endpoint online. */
    public record Sighting(long endpointId, String sourceIp, String logSource, Instant firstSeen) {}

    /**
     * Records a sighting received at {@code now}. Returns whether it is news: the endpoint had no sighting received
     * since {@code freshSince}. A stale row is replaced; a fresh one keeps its earliest line.
     */
    public boolean record(
            long endpointId, String sourceIp, String logSource, Instant seenAt, Instant now, Instant freshSince) {
        Optional<Instant> received = jdbc.sql(
                        "select received_at from compliance_log_sighting where endpoint_id = :id for update")
                .param("id", endpointId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
        boolean news = received.isEmpty() || received.get().isBefore(freshSince);
        jdbc.sql("""
                        insert into compliance_log_sighting as s
                            (endpoint_id, source_ip, log_source, first_seen, last_seen, received_at)
                        values (:id, :ip, :source, :at, :at, :now)
                        on conflict (endpoint_id) do update set
                            source_ip = case when :news or excluded.first_seen < s.first_seen
                                             then excluded.source_ip else s.source_ip end,
                            log_source = case when :news or excluded.first_seen < s.first_seen
                                              then excluded.log_source else s.log_source end,
                            first_seen = case when :news then excluded.first_seen
                                              else least(s.first_seen, excluded.first_seen) end,
                            last_seen = case when :news then excluded.last_seen
                                             else greatest(s.last_seen, excluded.last_seen) end,
                            received_at = excluded.received_at
                        """)
                .param("id", endpointId)
                .param("ip", sourceIp)
                .param("source", logSource)
                .param("at", Timestamp.from(seenAt))
                .param("now", Timestamp.from(now))
                .param("news", news)
                .update();
        return news;
    }

    /** Sightings received since {@code freshSince}, by endpoint id. */
    public Map<Long, Sighting> fresh(Instant freshSince) {
        Map<Long, Sighting> out = new HashMap<>();
        jdbc.sql("select * from compliance_log_sighting where received_at >= :since")
                .param("since", Timestamp.from(freshSince))
                .query(rs -> {
                    long id = rs.getLong("endpoint_id");
                    out.put(
                            id,
                            new Sighting(
                                    id,
                                    rs.getString("source_ip"),
                                    rs.getString("log_source"),
                                    rs.getTimestamp("first_seen").toInstant()));
                });
        return out;
    }
}
