package vn.khien.app.inventory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.app.inventory.Endpoint;
import vn.khien.app.inventory.EndpointAddress;
import vn.khien.app.inventory.EndpointFilter;
import vn.khien.app.inventory.EndpointSnapshot;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.inventory.BackupStatus;
import vn.khien.core.inventory.EndpointFacts;
import vn.khien.core.inventory.FactSource;
import vn.khien.core.inventory.HostIdentity;
import vn.khien.core.inventory.InstalledSoftware;
import vn.khien.core.inventory.InternetConnectivity;
import vn.khien.core.inventory.NetworkAddress;
import vn.khien.core.inventory.OsInfo;
import vn.khien.core.inventory.OsPatch;
import vn.khien.core.inventory.RemovableStorageDevice;
import vn.khien.core.inventory.SecurityProduct;
import vn.khien.core.inventory.SecurityProductKind;
import vn.khien.core.inventory.Zone;

/**
 * SQL for endpoints and their facts. A changed endpoint's facts are replaced whole (delete, then batch insert),
 * which keeps the tables equal to core's in-memory model after every import.
 */
@Repository
public class EndpointDao {
    private static final String SELECT_ENDPOINT = """
            select e.id, e.host_key, e.hostname, e.unit_id, e.owner_person_id, e.zone, e.handles_secrets,
                   nullif(concat_ws(' ', e.os_name, e.os_version), '') as os, e.first_seen, e.last_seen,
                   coalesce((select array_agg(distinct a.ip) from endpoint_address a
                             where a.endpoint_id = e.id and a.ip is not null), '{}') as ips,
                   (select count(*) from endpoint_security_product p where p.endpoint_id = e.id) as products
            from endpoint e
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public EndpointDao(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    private static String scoped(UnitScope scope) {
        return scope.all() ? "true" : "e.unit_id = any(:scope)";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UnitScope scope) {
        return scope.all() ? spec : spec.param("scope", scope.unitIds().toArray(Long[]::new));
    }

    /**
     * Serialises writers of endpoint facts until the transaction ends: an import reads the inventory, applies its
     * input in memory and writes back, so two at once (or a classification meanwhile) would lose updates.
     */
    public void lockForWrite() {
        jdbc.sql("select pg_advisory_xact_lock(7301001)").query(Object.class).single();
    }

    public List<Endpoint> list(UnitScope scope, EndpointFilter f, int limit, int offset) {
        StringBuilder where = new StringBuilder(" where " + scoped(scope));
        Map<String, Object> params = new HashMap<>();
        if (f.unitId() != null) {
            where.append(" and e.unit_id = :unit");
            params.put("unit", f.unitId());
        }
        if (f.zone() != null && !f.zone().isBlank()) {
            where.append(" and e.zone = :zone");
            params.put("zone", f.zone());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (e.hostname ilike :q or e.host_key ilike :q or exists (select 1 from endpoint_address a"
                    + " where a.endpoint_id = e.id and a.ip = :qexact))");
            params.put("q", "%" + f.q().strip().replace("%", "") + "%");
            params.put("qexact", f.q().strip());
        }
        var spec = jdbc.sql(SELECT_ENDPOINT + where
                        + " order by e.hostname nulls last, e.host_key limit :limit offset :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset);
        return bind(spec, scope).query(EndpointDao::endpoint).list();
    }

    public long count(UnitScope scope, @Nullable Long unitId) {
        var spec = jdbc.sql("select count(*) from endpoint e where " + scoped(scope)
                + (unitId == null ? "" : " and e.unit_id = :unit"));
        if (unitId != null) {
            spec = spec.param("unit", unitId);
        }
        return bind(spec, scope).query(Long.class).single();
    }

    public Optional<Endpoint> find(UnitScope scope, long id) {
        return bind(
                        jdbc.sql(SELECT_ENDPOINT + " where e.id = :id and " + scoped(scope))
                                .param("id", id),
                        scope)
                .query(EndpointDao::endpoint)
                .optional();
    }

    private static Endpoint endpoint(ResultSet rs, int n) throws SQLException {
        String[] ips = (String[]) rs.getArray("ips").getArray();
        return new Endpoint(
                rs.getLong("id"),
                rs.getString("host_key"),
                rs.getString("hostname"),
                (Long) rs.getObject("unit_id", Long.class),
                (Long) rs.getObject("owner_person_id", Long.class),
                rs.getString("zone"),
                rs.getBoolean("handles_secrets"),
                rs.getString("os"),
                List.of(ips),
                instant(rs, "first_seen"),
                instant(rs, "last_seen"),
                rs.getInt("products"));
    }

    private static @Nullable Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable LocalDate date(ResultSet rs, String col) throws SQLException {
        java.sql.Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    private static @Nullable Boolean bool(ResultSet rs, String col) throws SQLException {
        boolean b = rs.getBoolean(col);
        return rs.wasNull() ? null : b;
    }

    private static FactSource source(ResultSet rs) throws SQLException {
        return new FactSource(
                rs.getString("input"), rs.getTimestamp("observed_at").toInstant());
    }

    /** Endpoints in scope with every fact; {@code ids} null means all of them. */
    public List<EndpointSnapshot> snapshots(UnitScope scope, @Nullable List<Long> ids) {
        String idFilter = ids == null ? "" : " and e.id = any(:ids)";
        String where = " where " + scoped(scope) + idFilter;
        Map<Long, Row> rows = new java.util.LinkedHashMap<>();
        var spec = jdbc.sql("select * from endpoint e" + where + " order by e.host_key");
        if (ids != null) {
            spec = spec.param("ids", ids.toArray(Long[]::new));
        }
        bind(spec, scope).query(rs -> {
            Row r = new Row(rs.getLong("id"), rs.getString("host_key"));
            r.unitId = (Long) rs.getObject("unit_id", Long.class);
            r.owner = (Long) rs.getObject("owner_person_id", Long.class);
            String hostname = rs.getString("hostname");
            String uuid = rs.getString("uuid");
            if ((hostname != null || uuid != null) && rs.getString("identity_input") != null) {
                r.identity = new HostIdentity(
                        hostname,
                        uuid,
                        new FactSource(
                                rs.getString("identity_input"),
                                rs.getTimestamp("identity_observed_at").toInstant()));
            }
            String zone = rs.getString("zone");
            r.zone = zone == null ? null : Zone.valueOf(zone);
            r.secrets = rs.getBoolean("handles_secrets");
            r.server = rs.getBoolean("server_role");
            r.firstSeen = instant(rs, "first_seen");
            r.lastSeen = instant(rs, "last_seen");
            if (rs.getString("os_name") != null && rs.getString("os_input") != null) {
                r.os = new OsInfo(
                        rs.getString("os_name"),
                        rs.getString("os_version"),
                        rs.getString("os_build"),
                        rs.getString("os_platform"),
                        new FactSource(
                                rs.getString("os_input"),
                                rs.getTimestamp("os_observed_at").toInstant()));
            }
            rows.put(r.id, r);
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] idArray = rows.keySet().toArray(Long[]::new);
        children(
                "endpoint_address",
                idArray,
                rows,
                (r, rs) -> r.addresses.add(sneaky(() -> new NetworkAddress(
                        rs.getString("interface_name"), rs.getString("ip"), rs.getString("mac"), source(rs)))));
        children(
                "endpoint_software",
                idArray,
                rows,
                (r, rs) -> r.software.add(sneaky(() -> new InstalledSoftware(
                        rs.getString("name"),
                        rs.getString("version"),
                        rs.getString("publisher"),
                        date(rs, "installed_on"),
                        source(rs)))));
        children(
                "endpoint_security_product",
                idArray,
                rows,
                (r, rs) -> r.products.add(sneaky(() -> new SecurityProduct(
                        rs.getString("name"),
                        SecurityProductKind.valueOf(rs.getString("kind")),
                        rs.getString("version"),
                        bool(rs, "running"),
                        bool(rs, "enabled"),
                        instant(rs, "signature_date"),
                        bool(rs, "signatures_up_to_date"),
                        source(rs)))));
        children(
                "endpoint_os_update",
                idArray,
                rows,
                (r, rs) -> r.patches.add(sneaky(() -> new OsPatch(
                        rs.getString("patch_id"), date(rs, "installed_on"), rs.getString("description"), source(rs)))));
        children(
                "endpoint_usb_device",
                idArray,
                rows,
                (r, rs) -> r.usb.add(sneaky(() -> new RemovableStorageDevice(
                        rs.getString("vendor"),
                        rs.getString("model"),
                        rs.getString("serial"),
                        rs.getTimestamp("first_seen").toInstant(),
                        rs.getTimestamp("last_seen").toInstant(),
                        source(rs)))));
        children(
                "endpoint_backup",
                idArray,
                rows,
                (r, rs) -> r.backup = sneaky(
                        () -> new BackupStatus(rs.getTimestamp("last_success").toInstant(), source(rs))));
        children(
                "endpoint_connectivity",
                idArray,
                rows,
                (r, rs) -> r.connectivity.add(sneaky(() ->
                        new InternetConnectivity(rs.getBoolean("reachable"), rs.getString("detail"), source(rs)))));
        List<EndpointSnapshot> out = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            out.add(new EndpointSnapshot(r.id, r.unitId, r.owner, r.facts()));
        }
        return out;
    }

    /** The endpoint each of {@code ips} belongs to (the one that reported it last), province-wide, one query. */
    public Map<String, EndpointAddress> byIp(java.util.Collection<String> ips) {
        Map<String, EndpointAddress> out = new HashMap<>();
        jdbc.sql("""
                        select distinct on (a.ip) a.ip, e.id, coalesce(e.hostname, e.host_key) as name, e.unit_id,
                               e.zone, e.handles_secrets
                        from endpoint_address a join endpoint e on e.id = a.endpoint_id
                        where a.ip = any(:ips)
                        order by a.ip, a.observed_at desc, e.id desc
                        """)
                .param("ips", ips.stream().distinct().toArray(String[]::new))
                .query(rs -> {
                    out.put(
                            rs.getString("ip"),
                            new EndpointAddress(
                                    rs.getString("ip"),
                                    rs.getLong("id"),
                                    rs.getString("name"),
                                    (Long) rs.getObject("unit_id"),
                                    rs.getString("zone"),
                                    rs.getBoolean("handles_secrets")));
                });
        return out;
    }

    /** Database ids by host key for all endpoints (province-wide; used by the importer and compliance). */
    public Map<String, Long> idsByKey() {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("select id, host_key from endpoint").query(rs -> {
            out.put(rs.getString("host_key"), rs.getLong("id"));
        });
        return out;
    }

    /** Ids of endpoints known by one of these host keys or (case-insensitively) host names. */
    public List<Long> idsOf(java.util.Collection<String> keys, java.util.Collection<String> hostnames) {
        return jdbc.sql("select id from endpoint where host_key = any(:k) or lower(hostname) = any(:h)")
                .param("k", keys.toArray(String[]::new))
                .param(
                        "h",
                        hostnames.stream()
                                .map(h -> h.toLowerCase(java.util.Locale.ROOT))
                                .toArray(String[]::new))
                .query(Long.class)
                .list();
    }

    private interface SqlSupplier<T> {
        T get() throws SQLException;
    }

    private static <T> T sneaky(SqlSupplier<T> s) {
        try {
            return s.get();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface RowReader {
        void read(Row r, ResultSet rs) throws SQLException;
    }

    private void children(String table, Long[] ids, Map<Long, Row> rows, RowReader reader) {
        jdbc.sql("select * from " + table + " where endpoint_id = any(:ids) order by endpoint_id, observed_at")
                .param("ids", ids)
                .query(rs -> {
                    Row r = rows.get(rs.getLong("endpoint_id"));
                    if (r != null) {
                        reader.read(r, rs);
                    }
                });
    }

    /**
     * Writes endpoints and replaces their facts; new endpoints get {@code unitFor}'s unit.
     *
     * @return the database id of each written endpoint by host key
     */
    public Map<String, Long> save(List<EndpointFacts> endpoints, Map<String, Long> newUnits, Instant now) {
        return save(endpoints, Map.of(), newUnits, now);
    }

    /**
     * As {@link #save(List, Map, Instant)}, rewriting only the fact tables whose facts differ from {@code before}
     * (an antivirus CSV changes security products, not the 50 programs of each machine).
     */
    public Map<String, Long> save(
            List<EndpointFacts> endpoints, Map<String, EndpointFacts> before, Map<String, Long> newUnits, Instant now) {
        Map<String, Long> ids = new HashMap<>();
        for (EndpointFacts e : endpoints) {
            HostIdentity id = e.identity();
            OsInfo os = e.os();
            long dbId = jdbc.sql("""
                            insert into endpoint (host_key, hostname, uuid, identity_input, identity_observed_at, unit_id,
                                zone, handles_secrets, server_role, first_seen, last_seen, os_name, os_version, os_build,
                                os_platform, os_input, os_observed_at, updated_at)
                            values (:key, :hostname, :uuid, :idInput, :idAt, :unit, :zone, :secrets, :server, :first,
                                :last, :osName, :osVersion, :osBuild, :osPlatform, :osInput, :osAt, :now)
                            on conflict (host_key) do update set hostname = excluded.hostname, uuid = excluded.uuid,
                                identity_input = excluded.identity_input,
                                identity_observed_at = excluded.identity_observed_at, zone = excluded.zone,
                                handles_secrets = excluded.handles_secrets, server_role = excluded.server_role,
                                first_seen = excluded.first_seen, last_seen = excluded.last_seen,
                                os_name = excluded.os_name, os_version = excluded.os_version,
                                os_build = excluded.os_build, os_platform = excluded.os_platform,
                                os_input = excluded.os_input, os_observed_at = excluded.os_observed_at,
                                updated_at = excluded.updated_at
                            returning id
                            """)
                    .param("key", e.id())
                    .param("hostname", id == null ? null : id.hostname())
                    .param("uuid", id == null ? null : id.uuid())
                    .param("idInput", id == null ? null : id.source().input())
                    .param("idAt", id == null ? null : ts(id.source().observedAt()))
                    .param("unit", newUnits.get(e.id()))
                    .param("zone", e.zone() == null ? null : e.zone().name())
                    .param("secrets", e.handlesStateSecrets())
                    .param("server", e.serverRole())
                    .param("first", ts(e.firstSeen()))
                    .param("last", ts(e.lastSeen()))
                    .param("osName", os == null ? null : os.name())
                    .param("osVersion", os == null ? null : os.version())
                    .param("osBuild", os == null ? null : os.build())
                    .param("osPlatform", os == null ? null : os.platform())
                    .param("osInput", os == null ? null : os.source().input())
                    .param("osAt", os == null ? null : ts(os.source().observedAt()))
                    .param("now", ts(now))
                    .query(Long.class)
                    .single();
            ids.put(e.id(), dbId);
        }
        if (ids.isEmpty()) {
            return ids;
        }
        Map<String, List<Long>> rewrite = new HashMap<>();
        java.util.Set<String> rewritten = new java.util.HashSet<>();
        for (EndpointFacts e : endpoints) {
            EndpointFacts old = before.get(e.id());
            long id = ids.get(e.id());
            for (String table : TABLES) {
                if (old == null || !sameFacts(table, old, e)) {
                    rewrite.computeIfAbsent(table, t -> new ArrayList<>()).add(id);
                    rewritten.add(table + '\u0001' + e.id());
                }
            }
        }
        rewrite.forEach((table, tableIds) -> jdbc.sql("delete from " + table + " where endpoint_id = any(:ids)")
                .param("ids", tableIds.toArray(Long[]::new))
                .update());
        List<Object[]> addresses = new ArrayList<>();
        List<Object[]> software = new ArrayList<>();
        List<Object[]> products = new ArrayList<>();
        List<Object[]> patches = new ArrayList<>();
        List<Object[]> usb = new ArrayList<>();
        List<Object[]> backups = new ArrayList<>();
        List<Object[]> connectivity = new ArrayList<>();
        for (EndpointFacts e : endpoints) {
            long id = ids.get(e.id());
            java.util.function.Predicate<String> w = t -> rewritten.contains(t + '\u0001' + e.id());
            for (NetworkAddress a : w.test("endpoint_address") ? e.addresses() : List.<NetworkAddress>of()) {
                addresses.add(row(id, a.source(), a.interfaceName(), a.ip(), a.mac()));
            }
            for (InstalledSoftware s : w.test("endpoint_software") ? e.software() : List.<InstalledSoftware>of()) {
                software.add(row(id, s.source(), s.name(), s.version(), s.publisher(), sqlDate(s.installedOn())));
            }
            for (SecurityProduct p :
                    w.test("endpoint_security_product") ? e.securityProducts() : List.<SecurityProduct>of()) {
                products.add(row(
                        id,
                        p.source(),
                        p.name(),
                        p.kind().name(),
                        p.version(),
                        p.running(),
                        p.enabled(),
                        ts(p.signatureDate()),
                        p.signaturesUpToDate()));
            }
            for (OsPatch p : w.test("endpoint_os_update") ? e.patches() : List.<OsPatch>of()) {
                patches.add(row(id, p.source(), p.id(), sqlDate(p.installedOn()), p.description()));
            }
            for (RemovableStorageDevice d :
                    w.test("endpoint_usb_device") ? e.storageDevices() : List.<RemovableStorageDevice>of()) {
                usb.add(row(id, d.source(), d.serial(), d.vendor(), d.model(), ts(d.firstSeen()), ts(d.lastSeen())));
            }
            if (e.backup() != null && w.test("endpoint_backup")) {
                backups.add(row(id, e.backup().source(), ts(e.backup().lastSuccess())));
            }
            for (InternetConnectivity c :
                    w.test("endpoint_connectivity") ? e.connectivity() : List.<InternetConnectivity>of()) {
                connectivity.add(row(id, c.source(), c.reachable(), c.detail()));
            }
        }
        batch("endpoint_address (endpoint_id, input, observed_at, interface_name, ip, mac)", 6, addresses);
        batch(
                "endpoint_software (endpoint_id, input, observed_at, name, version, publisher, installed_on)",
                7,
                software);
        batch(
                "endpoint_security_product (endpoint_id, input, observed_at, name, kind, version, running, enabled,"
                        + " signature_date, signatures_up_to_date)",
                10,
                products);
        batch("endpoint_os_update (endpoint_id, input, observed_at, patch_id, installed_on, description)", 6, patches);
        batch(
                "endpoint_usb_device (endpoint_id, input, observed_at, serial, vendor, model, first_seen, last_seen)",
                8,
                usb);
        batch("endpoint_backup (endpoint_id, input, observed_at, last_success)", 4, backups);
        batch("endpoint_connectivity (endpoint_id, input, observed_at, reachable, detail)", 5, connectivity);
        return ids;
    }

    private static final List<String> TABLES = List.of(
            "endpoint_address",
            "endpoint_software",
            "endpoint_security_product",
            "endpoint_os_update",
            "endpoint_usb_device",
            "endpoint_backup",
            "endpoint_connectivity");

    /** Whether the facts a table holds are equal (in any order) in both snapshots. */
    private static boolean sameFacts(String table, EndpointFacts a, EndpointFacts b) {
        return switch (table) {
            case "endpoint_address" -> sameSet(a.addresses(), b.addresses());
            case "endpoint_software" -> sameSet(a.software(), b.software());
            case "endpoint_security_product" -> sameSet(a.securityProducts(), b.securityProducts());
            case "endpoint_os_update" -> sameSet(a.patches(), b.patches());
            case "endpoint_usb_device" -> sameSet(a.storageDevices(), b.storageDevices());
            case "endpoint_backup" -> java.util.Objects.equals(a.backup(), b.backup());
            default -> sameSet(a.connectivity(), b.connectivity());
        };
    }

    private static boolean sameSet(List<?> a, List<?> b) {
        return a.size() == b.size() && new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b));
    }

    private static Object[] row(long id, FactSource source, @Nullable Object... values) {
        Object[] out = new Object[values.length + 3];
        out[0] = id;
        out[1] = source.input();
        out[2] = ts(source.observedAt());
        System.arraycopy(values, 0, out, 3, values.length);
        return out;
    }

    private void batch(String tableAndColumns, int columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "insert into " + tableAndColumns + " values (" + "?,".repeat(columns - 1) + "?)";
        for (int i = 0; i < rows.size(); i += 5000) {
            template.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 5000)));
        }
    }

    private static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static java.sql.@Nullable Date sqlDate(@Nullable LocalDate d) {
        return d == null ? null : java.sql.Date.valueOf(d);
    }

    /** Sets the officer-owned classification of endpoints by host key, leaving their facts alone. */
    public void classify(List<EndpointFacts> endpoints, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        for (EndpointFacts e : endpoints) {
            rows.add(new Object[] {
                e.zone() == null ? null : e.zone().name(), e.handlesStateSecrets(), e.serverRole(), ts(now), e.id()
            });
        }
        template.batchUpdate(
                "update endpoint set zone = ?, handles_secrets = ?, server_role = ?, updated_at = ? where host_key = ?",
                rows);
    }

    public void setUnit(long id, @Nullable Long unitId, @Nullable Long ownerPersonId) {
        jdbc.sql("update endpoint set unit_id = :unit, owner_person_id = :owner, updated_at = now() where id = :id")
                .param("unit", unitId)
                .param("owner", ownerPersonId)
                .param("id", id)
                .update();
    }

    /** Units of endpoints by host key, for those already stored. */
    public Map<String, @Nullable Long> unitsByKey() {
        Map<String, @Nullable Long> out = new HashMap<>();
        jdbc.sql("select host_key, unit_id from endpoint").query(rs -> {
            out.put(rs.getString(1), (Long) rs.getObject(2, Long.class));
        });
        return out;
    }

    private static final class Row {
        final long id;
        final String key;

        @Nullable
        Long unitId;

        @Nullable
        Long owner;

        @Nullable
        HostIdentity identity;

        @Nullable
        Zone zone;

        boolean secrets;
        boolean server;

        @Nullable
        Instant firstSeen;

        @Nullable
        Instant lastSeen;

        @Nullable
        OsInfo os;

        final List<NetworkAddress> addresses = new ArrayList<>();
        final List<InstalledSoftware> software = new ArrayList<>();
        final List<SecurityProduct> products = new ArrayList<>();
        final List<OsPatch> patches = new ArrayList<>();
        final List<RemovableStorageDevice> usb = new ArrayList<>();

        @Nullable
        BackupStatus backup;

        final List<InternetConnectivity> connectivity = new ArrayList<>();

        Row(long id, String key) {
            this.id = id;
            this.key = key;
        }

        EndpointFacts facts() {
            return new EndpointFacts(
                    key,
                    identity,
                    zone,
                    secrets,
                    server,
                    firstSeen,
                    lastSeen,
                    os,
                    addresses,
                    software,
                    products,
                    patches,
                    usb,
                    backup,
                    connectivity);
        }
    }
}
