package vn.khien.app.intel.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.intel.Feed;
import vn.khien.app.intel.StoredIndicator;
import vn.khien.core.intel.Indicator;
import vn.khien.core.intel.IndicatorType;
import vn.khien.core.intel.feeds.Warninglist;

/**
 * SQL for feeds, indicators, province warninglists and the webmail list. Intelligence is province-wide (not
 * owned by a unit), so reads take no scope; writes are restricted by role in the service.
 */
@Repository
public class IntelDao {
    private static final String SELECT_FEED = """
            select f.*, (select count(*) from indicator i where i.feed_id = f.id) as indicators from intel_feed f
            """;
    private static final String SELECT_INDICATOR = """
            select i.*, f.name as feed from indicator i join intel_feed f on f.id = i.feed_id
            """;

    private final JdbcClient jdbc;

    public IntelDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Feed> feeds() {
        return jdbc.sql(SELECT_FEED + " order by f.name").query(IntelDao::feed).list();
    }

    public Optional<Feed> feed(long id) {
        return jdbc.sql(SELECT_FEED + " where f.id = :id")
                .param("id", id)
                .query(IntelDao::feed)
                .optional();
    }

    public Optional<Feed> feedByName(String name) {
        return jdbc.sql(SELECT_FEED + " where f.name = :name")
                .param("name", name)
                .query(IntelDao::feed)
                .optional();
    }

    public long insertFeed(
            String name, String kind, @Nullable String url, @Nullable String collection, int intervalMinutes) {
        return jdbc.sql("""
                        insert into intel_feed (name, kind, url, collection, interval_minutes)
                        values (:name, :kind, :url, :collection, :interval) returning id
                        """)
                .param("name", name)
                .param("kind", kind)
                .param("url", url)
                .param("collection", collection)
                .param("interval", intervalMinutes)
                .query(Long.class)
                .single();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("update intel_feed set enabled = :e where id = :id")
                .param("e", enabled)
                .param("id", id)
                .update();
    }

    public void deleteFeed(long id) {
        jdbc.sql("delete from intel_feed where id = :id").param("id", id).update();
    }

    /** Feeds pulled over the network whose interval has passed since their last pull. */
    public List<Feed> dueFeeds(Instant now) {
        return jdbc.sql(SELECT_FEED + """
                         where f.enabled and f.kind in ('URL', 'TAXII')
                           and (f.last_pulled_at is null
                                or f.last_pulled_at + make_interval(mins => f.interval_minutes) <= :now)
                         order by f.id""")
                .param("now", Timestamp.from(now))
                .query(IntelDao::feed)
                .list();
    }

    public @Nullable String etag(long feedId) {
        return jdbc.sql("select etag from intel_feed where id = :id")
                .param("id", feedId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    public @Nullable Instant addedAfter(long feedId) {
        return jdbc.sql("select added_after from intel_feed where id = :id")
                .param("id", feedId)
                .query((rs, n) -> instant(rs, "added_after"))
                .optional()
                .orElse(null);
    }

    /** Stores the report of an import or pull. */
    public void recordImport(
            long feedId,
            Instant at,
            String status,
            @Nullable String format,
            long read,
            long accepted,
            long rejected,
            long duplicates,
            long suppressed,
            List<String> rejections,
            @Nullable String etag,
            @Nullable Instant addedAfter) {
        jdbc.sql("""
                        update intel_feed set last_pulled_at = :at, last_status = :status, last_format = :format,
                            last_read = :read, last_accepted = :accepted, last_rejected = :rejected,
                            last_duplicates = :dup, last_suppressed = :sup, last_rejections = :rej,
                            etag = coalesce(:etag, etag), added_after = coalesce(:after, added_after)
                        where id = :id
                        """)
                .param("at", Timestamp.from(at))
                .param("status", status)
                .param("format", format)
                .param("read", read)
                .param("accepted", accepted)
                .param("rejected", rejected)
                .param("dup", duplicates)
                .param("sup", suppressed)
                .param("rej", String.join("\n", rejections))
                .param("etag", etag)
                .param("after", addedAfter == null ? null : Timestamp.from(addedAfter))
                .param("id", feedId)
                .update();
    }

    /** Only the status and time of a pull that changed nothing (not modified, or failed). */
    public void recordStatus(long feedId, Instant at, String status) {
        jdbc.sql("update intel_feed set last_pulled_at = :at, last_status = :status where id = :id")
                .param("at", Timestamp.from(at))
                .param("status", status)
                .param("id", feedId)
                .update();
    }

    /** Counts of one upsert: rows inserted and rows whose context changed. */
    public record Upserted(long inserted, long updated) {}

    /**
     * Inserts the indicators of {@code feedId}, or updates those whose context changed; unchanged rows are not
     * rewritten.
     */
    public Upserted upsert(long feedId, List<Indicator> list, Instant now) {
        long inserted = 0;
        long updated = 0;
        int batch = 5_000;
        for (int from = 0; from < list.size(); from += batch) {
            List<Indicator> part = list.subList(from, Math.min(list.size(), from + batch));
            int n = part.size();
            String[] types = new String[n];
            String[] values = new String[n];
            String[] first = new String[n];
            String[] last = new String[n];
            String[] until = new String[n];
            Integer[] conf = new Integer[n];
            String[] tlp = new String[n];
            String[] tags = new String[n];
            Boolean[] revoked = new Boolean[n];
            for (int i = 0; i < n; i++) {
                Indicator ind = part.get(i);
                types[i] = ind.type().name();
                values[i] = ind.value();
                first[i] = text(ind.firstSeen());
                last[i] = text(ind.lastSeen());
                until[i] = text(ind.validUntil());
                conf[i] = ind.confidence();
                tlp[i] = ind.tlp();
                // tags travel as one unit-separator-joined string per row: unnest cannot take a 2-D ragged array
                tags[i] = String.join("\u001f", ind.tags());
                revoked[i] = ind.revoked();
            }
            List<Boolean> rows = jdbc.sql("""
                            insert into indicator as i (type, value, feed_id, first_seen, last_seen, valid_until,
                                                        confidence, tlp, tags, revoked, imported_at)
                            select t, v, :feed, fs, ls, vu, c, tl,
                                   case when tg = '' then '{}'::text[] else string_to_array(tg, chr(31)) end, r, :now
                            from unnest(cast(:types as text[]), cast(:values as text[]), cast(:first as timestamptz[]),
                                        cast(:last as timestamptz[]), cast(:until as timestamptz[]),
                                        cast(:conf as int[]), cast(:tlp as text[]), cast(:tags as text[]),
                                        cast(:revoked as boolean[]))
                                 as u(t, v, fs, ls, vu, c, tl, tg, r)
                            on conflict (type, value, feed_id) do update set
                                first_seen = excluded.first_seen, last_seen = excluded.last_seen,
                                valid_until = excluded.valid_until, confidence = excluded.confidence,
                                tlp = excluded.tlp, tags = excluded.tags, revoked = excluded.revoked,
                                imported_at = excluded.imported_at
                            where (i.first_seen, i.last_seen, i.valid_until, i.confidence, i.tlp, i.tags, i.revoked)
                                is distinct from (excluded.first_seen, excluded.last_seen, excluded.valid_until,
                                                  excluded.confidence, excluded.tlp, excluded.tags, excluded.revoked)
                            returning (xmax = 0) as inserted
                            """)
                    .param("feed", feedId)
                    .param("now", Timestamp.from(now))
                    .param("types", types)
                    .param("values", values)
                    .param("first", first)
                    .param("last", last)
                    .param("until", until)
                    .param("conf", conf)
                    .param("tlp", tlp)
                    .param("tags", tags)
                    .param("revoked", revoked)
                    .query((rs, i) -> rs.getBoolean(1))
                    .list();
            for (Boolean b : rows) {
                if (b) {
                    inserted++;
                } else {
                    updated++;
                }
            }
        }
        return new Upserted(inserted, updated);
    }

    /** Every indicator not revoked, for building the matcher (expired ones are left out by the matcher). */
    public List<Indicator> activeIndicators() {
        List<Indicator> out = new ArrayList<>();
        jdbc.sql(SELECT_INDICATOR + " where not i.revoked order by i.confidence desc, i.id")
                .query(rs -> {
                    out.add(new Indicator(
                            IndicatorType.valueOf(rs.getString("type")),
                            rs.getString("value"),
                            rs.getString("feed"),
                            instant(rs, "first_seen"),
                            instant(rs, "last_seen"),
                            instant(rs, "valid_until"),
                            rs.getInt("confidence"),
                            rs.getString("tlp"),
                            tags(rs),
                            false));
                });
        return out;
    }

    public List<StoredIndicator> search(
            @Nullable String q,
            @Nullable String type,
            @Nullable Long feedId,
            boolean includeRevoked,
            int limit,
            int offset) {
        StringBuilder where = new StringBuilder(" where true");
        if (q != null && !q.isBlank()) {
            where.append(" and (i.value like :q or array_to_string(i.tags, ' ') ilike :q)");
        }
        if (type != null && !type.isBlank()) {
            where.append(" and i.type = :type");
        }
        if (feedId != null) {
            where.append(" and i.feed_id = :feedId");
        }
        if (!includeRevoked) {
            where.append(" and not i.revoked");
        }
        var spec = jdbc.sql(SELECT_INDICATOR + where
                        + " order by i.imported_at desc, i.id desc limit :limit offset :offset")
                .param("limit", limit)
                .param("offset", offset);
        if (q != null && !q.isBlank()) {
            spec = spec.param(
                    "q", "%" + q.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "\\%") + "%");
        }
        if (type != null && !type.isBlank()) {
            spec = spec.param("type", type);
        }
        if (feedId != null) {
            spec = spec.param("feedId", feedId);
        }
        return spec.query(IntelDao::indicator).list();
    }

    public Optional<StoredIndicator> indicator(long id) {
        return jdbc.sql(SELECT_INDICATOR + " where i.id = :id")
                .param("id", id)
                .query(IntelDao::indicator)
                .optional();
    }

    public void revoke(long id, boolean revoked) {
        jdbc.sql("update indicator set revoked = :r where id = :id")
                .param("r", revoked)
                .param("id", id)
                .update();
    }

    public long countIndicators() {
        return jdbc.sql("select count(*) from indicator").query(Long.class).single();
    }

    public List<Warninglist> provinceWarninglists() {
        return jdbc.sql("select name, type, entries from warninglist order by name")
                .query((rs, n) -> Warninglist.of(
                        rs.getString("name"), Warninglist.Type.valueOf(rs.getString("type")), Arrays.asList((String[])
                                rs.getArray("entries").getArray())))
                .list();
    }

    public void saveWarninglist(String name, String type, List<String> entries) {
        jdbc.sql("""
                        insert into warninglist (name, type, entries) values (:name, :type, :entries)
                        on conflict (name) do update set type = excluded.type, entries = excluded.entries
                        """)
                .param("name", name)
                .param("type", type)
                .param("entries", entries.toArray(String[]::new))
                .update();
    }

    public List<String> webmailDomains() {
        return jdbc.sql("select domain from webmail_domain order by domain")
                .query(String.class)
                .list();
    }

    public boolean addWebmailDomain(String domain) {
        return jdbc.sql("insert into webmail_domain (domain) values (:d) on conflict do nothing")
                        .param("d", domain)
                        .update()
                > 0;
    }

    public boolean removeWebmailDomain(String domain) {
        return jdbc.sql("delete from webmail_domain where domain = :d")
                        .param("d", domain)
                        .update()
                > 0;
    }

    private static @Nullable String text(@Nullable Instant i) {
        return i == null ? null : i.toString();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> tags(ResultSet rs) throws SQLException {
        Array a = rs.getArray("tags");
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }

    private static Feed feed(ResultSet rs, int n) throws SQLException {
        String rej = rs.getString("last_rejections");
        return new Feed(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("url"),
                rs.getString("collection"),
                rs.getInt("interval_minutes"),
                rs.getBoolean("enabled"),
                instant(rs, "last_pulled_at"),
                rs.getString("last_status"),
                rs.getString("last_format"),
                rs.getLong("last_read"),
                rs.getLong("last_accepted"),
                rs.getLong("last_rejected"),
                rs.getLong("last_duplicates"),
                rs.getLong("last_suppressed"),
                rej == null || rej.isEmpty() ? List.of() : List.of(rej.split("\n")),
                rs.getLong("indicators"));
    }

    private static StoredIndicator indicator(ResultSet rs, int n) throws SQLException {
        return new StoredIndicator(
                rs.getLong("id"),
                rs.getString("type"),
                rs.getString("value"),
                rs.getLong("feed_id"),
                rs.getString("feed"),
                instant(rs, "first_seen"),
                instant(rs, "last_seen"),
                instant(rs, "valid_until"),
                rs.getInt("confidence"),
                rs.getString("tlp"),
                tags(rs),
                rs.getBoolean("revoked"),
                instant(rs, "imported_at"));
    }
}
