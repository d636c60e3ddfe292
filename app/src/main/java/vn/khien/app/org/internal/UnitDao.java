package vn.khien.app.org.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.org.IpRange;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitVersion;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.org.UnitKind;

/** SQL for units, their versions, IP ranges and mail domains. Reads filter by the caller's scope. */
@Repository
public class UnitDao {
    private static final String SELECT_UNIT = """
            select c.id, c.code, c.name, c.kind, c.parent_id, c.valid_from,
                   (select count(*) from unit_version k where k.parent_id = c.id and k.valid_to is null) as children
            from unit_current c
            """;

    private final JdbcClient jdbc;

    public UnitDao(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String scoped(String column, UnitScope scope) {
        return scope.all() ? "true" : column + " = any(:scope)";
    }

    static JdbcClient.StatementSpec bindScope(JdbcClient.StatementSpec spec, UnitScope scope) {
        return scope.all() ? spec : spec.param("scope", scope.unitIds().toArray(Long[]::new));
    }

    public Optional<Unit> find(UnitScope scope, long id) {
        return bindScope(
                        jdbc.sql(SELECT_UNIT + " where c.id = :id and " + scoped("c.id", scope))
                                .param("id", id),
                        scope)
                .query(UnitDao::unit)
                .optional();
    }

    public Optional<Unit> findByCode(String code) {
        return jdbc.sql(SELECT_UNIT + " where upper(c.code) = upper(:code)")
                .param("code", code)
                .query(UnitDao::unit)
                .optional();
    }

    public List<Unit> all(UnitScope scope) {
        return bindScope(jdbc.sql(SELECT_UNIT + " where " + scoped("c.id", scope) + " order by c.code"), scope)
                .query(UnitDao::unit)
                .list();
    }

    public List<Unit> children(UnitScope scope, long parentId) {
        return bindScope(
                        jdbc.sql(SELECT_UNIT + " where c.parent_id = :parent and " + scoped("c.id", scope)
                                        + " order by c.kind, c.name")
                                .param("parent", parentId),
                        scope)
                .query(UnitDao::unit)
                .list();
    }

    /** The tops of the visible forest: units in scope whose parent is absent or out of scope. */
    public List<Unit> roots(UnitScope scope) {
        String sql = SELECT_UNIT + " where " + scoped("c.id", scope)
                + " and (c.parent_id is null"
                + (scope.all() ? ")" : " or not (c.parent_id = any(:scope)))")
                + " order by c.kind, c.name";
        return bindScope(jdbc.sql(sql), scope).query(UnitDao::unit).list();
    }

    /** Ids of the unit and all its current descendants. */
    public Set<Long> subtree(long id) {
        return new HashSet<>(jdbc.sql("""
                        with recursive t(id) as (
                            select cast(:id as bigint)
                            union
                            select v.unit_id from unit_version v join t on v.parent_id = t.id where v.valid_to is null)
                        select id from t
                        """).param("id", id).query(Long.class).list());
    }

    public List<UnitVersion> history(long id) {
        return jdbc.sql("""
                        select v.name, v.kind, v.parent_id, p.name as parent_name, v.valid_from, v.valid_to, v.change
                        from unit_version v
                        left join unit_current p on p.id = v.parent_id
                        where v.unit_id = :id
                        order by v.valid_from desc, v.id desc
                        """)
                .param("id", id)
                .query((rs, n) -> new UnitVersion(
                        rs.getString("name"),
                        UnitKind.valueOf(rs.getString("kind")),
                        (Long) rs.getObject("parent_id"),
                        rs.getString("parent_name"),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class),
                        rs.getString("change")))
                .list();
    }

    /** The units as they were on {@code date}: id, name and parent of each version valid then. */
    public List<Unit> asOf(UnitScope scope, LocalDate date) {
        return bindScope(
                        jdbc.sql("""
                                        select u.id, u.code, v.name, v.kind, v.parent_id, v.valid_from, 0 as children
                                        from unit u
                                        join unit_version v on v.unit_id = u.id
                                        where v.valid_from <= :d and (v.valid_to is null or v.valid_to > :d)""" + " and " + scoped("u.id", scope) + " order by v.kind, v.name")
                                .param("d", date),
                        scope)
                .query(UnitDao::unit)
                .list();
    }

    public long insert(
            String code, String name, UnitKind kind, @Nullable Long parentId, LocalDate from, String change) {
        long id = jdbc.sql("insert into unit (code) values (:code) returning id")
                .param("code", code)
                .query(Long.class)
                .single();
        openVersion(id, name, kind, parentId, from, change);
        return id;
    }

    public void openVersion(
            long unitId, String name, UnitKind kind, @Nullable Long parentId, LocalDate from, String change) {
        jdbc.sql("""
                        insert into unit_version (unit_id, name, kind, parent_id, valid_from, change)
                        values (:unit, :name, :kind, :parent, :from, :change)
                        """)
                .param("unit", unitId)
                .param("name", name)
                .param("kind", kind.name())
                .param("parent", parentId)
                .param("from", from)
                .param("change", change)
                .update();
    }

    /** Ends the open version on {@code to}; a version opened the same day is removed instead. */
    public void closeVersion(long unitId, LocalDate to) {
        int removed = jdbc.sql(
                        "delete from unit_version where unit_id = :unit and valid_to is null and valid_from >= :to"
                                + " and exists (select 1 from unit_version o where o.unit_id = :unit and o.valid_to is not null)")
                .param("unit", unitId)
                .param("to", to)
                .update();
        if (removed == 0) {
            jdbc.sql(
                            "update unit_version set valid_to = greatest(:to, valid_from) where unit_id = :unit and valid_to is null")
                    .param("unit", unitId)
                    .param("to", to)
                    .update();
        }
    }

    public void markMerged(long unitId, long into) {
        jdbc.sql("update unit set merged_into = :into where id = :id")
                .param("into", into)
                .param("id", unitId)
                .update();
    }

    public List<IpRange> ipRanges(long unitId) {
        return jdbc.sql(
                        "select id, unit_id, network::text as network, note from unit_ip_range where unit_id = :u order by network")
                .param("u", unitId)
                .query((rs, n) -> new IpRange(
                        rs.getLong("id"), rs.getLong("unit_id"), rs.getString("network"), rs.getString("note")))
                .list();
    }

    public Optional<IpRange> findRange(String network) {
        return jdbc.sql(
                        "select id, unit_id, network::text as network, note from unit_ip_range where network = cast(:n as cidr)")
                .param("n", network)
                .query((rs, n) -> new IpRange(
                        rs.getLong("id"), rs.getLong("unit_id"), rs.getString("network"), rs.getString("note")))
                .optional();
    }

    public long addIpRange(long unitId, String network, @Nullable String note) {
        return jdbc.sql(
                        "insert into unit_ip_range (unit_id, network, note) values (:u, cast(:n as cidr), :note) returning id")
                .param("u", unitId)
                .param("n", network)
                .param("note", note)
                .query(Long.class)
                .single();
    }

    public int removeIpRange(long unitId, long rangeId) {
        return jdbc.sql("delete from unit_ip_range where id = :id and unit_id = :u")
                .param("id", rangeId)
                .param("u", unitId)
                .update();
    }

    public List<String> domains(long unitId) {
        return jdbc.sql("select domain from unit_email_domain where unit_id = :u order by domain")
                .param("u", unitId)
                .query(String.class)
                .list();
    }

    public Optional<Long> domainOwner(String domain) {
        return jdbc.sql("select unit_id from unit_email_domain where domain = :d")
                .param("d", domain)
                .query(Long.class)
                .optional();
    }

    public void addDomain(long unitId, String domain) {
        jdbc.sql("insert into unit_email_domain (unit_id, domain) values (:u, :d)")
                .param("u", unitId)
                .param("d", domain)
                .update();
    }

    public int removeDomain(long unitId, String domain) {
        return jdbc.sql("delete from unit_email_domain where unit_id = :u and domain = :d")
                .param("u", unitId)
                .param("d", domain)
                .update();
    }

    /** Moves a merged unit's networks and domains to the unit that absorbed it. */
    public void transferAssets(long from, long to) {
        jdbc.sql("update unit_ip_range set unit_id = :to where unit_id = :from")
                .param("to", to)
                .param("from", from)
                .update();
        jdbc.sql("update unit_email_domain set unit_id = :to where unit_id = :from")
                .param("to", to)
                .param("from", from)
                .update();
    }

    /** The unit whose network most specifically contains {@code ip} (longest prefix), within scope. */
    public Optional<IpRange> owner(UnitScope scope, String ip) {
        return bindScope(
                        jdbc.sql("select id, unit_id, network::text as network, note from unit_ip_range"
                                        + " where network >>= cast(:ip as inet) and " + scoped("unit_id", scope)
                                        + " order by masklen(network) desc limit 1")
                                .param("ip", ip),
                        scope)
                .query((rs, n) -> new IpRange(
                        rs.getLong("id"), rs.getLong("unit_id"), rs.getString("network"), rs.getString("note")))
                .optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from unit_current").query(Long.class).single();
    }

    private static Unit unit(ResultSet rs, int row) throws SQLException {
        return new Unit(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                UnitKind.valueOf(rs.getString("kind")),
                (Long) rs.getObject("parent_id"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getInt("children"));
    }
}
