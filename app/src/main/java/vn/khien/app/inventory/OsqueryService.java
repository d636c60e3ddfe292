package vn.khien.app.inventory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.inventory.internal.OsqueryDao;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.inventory.OsqueryPack;
import vn.khien.core.inventory.OsqueryTls;

/**
 * osquery's TLS remote API: agents enroll with their unit's enroll secret, receive a node key, then fetch Khiên's
 * pack as config and send result logs, which are imported like result-log files. Secrets and node keys are kept
 * only as SHA-256 hashes (both are 256-bit random values, so a fast hash suffices). Enrolment registers the machine
 * from its host details. Coordinators queue ad-hoc (distributed) queries per unit; agents fetch them on their next
 * poll and their answers are kept per node.
 */
@Service
public class OsqueryService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final OsqueryPack PACK = OsqueryPack.khien();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OsqueryDao dao;
    private final InventoryService inventory;
    private final UnitService units;
    private final AuditTrail audit;
    private final Clock clock;

    public OsqueryService(
            OsqueryDao dao, InventoryService inventory, UnitService units, AuditTrail audit, Clock clock) {
        this.dao = dao;
        this.inventory = inventory;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** A secret just created: shown once, never stored in clear. */
    public record NewSecret(EnrollSecret secret, String value) {}

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER')")
    @Transactional
    public NewSecret createSecret(UnitScope scope, long unitId, String label) {
        if (units.find(scope, unitId).isEmpty()) {
            throw InventoryException.notFound("unit " + unitId);
        }
        String clean = label == null || label.isBlank() ? "osquery" : label.strip();
        if (clean.length() > 200) {
            throw new InventoryException(InventoryException.Kind.INVALID, "label longer than 200 characters");
        }
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String value = "khien-es-" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        long id = dao.insertSecret(unitId, clean, sha256(value), actor(), clock.instant());
        audit.record("osquery.secret.create", "osquery_enroll_secret", id, unitId, null, Map.of("label", clean));
        return new NewSecret(dao.secret(UnitScope.province(), id).orElseThrow(), value);
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER')")
    @Transactional
    public void revokeSecret(UnitScope scope, long id) {
        EnrollSecret s = dao.secret(scope, id).orElseThrow(() -> InventoryException.notFound("enroll secret " + id));
        dao.revoke(id, clock.instant());
        audit.record(
                "osquery.secret.revoke", "osquery_enroll_secret", id, s.unitId(), Map.of("label", s.label()), null);
    }

    @Transactional(readOnly = true)
    public List<EnrollSecret> secrets(UnitScope scope) {
        return dao.secrets(scope);
    }

    /** {@code POST /enroll}: a node key for a valid secret, else {@code node_invalid: true}. */
    @Transactional
    public String enroll(byte[] body) {
        OsqueryTls.EnrollRequest req = OsqueryTls.parseEnroll(body);
        Optional<OsqueryDao.Secret> secret = dao.activeSecret(sha256(req.enrollSecret()));
        if (secret.isEmpty()) {
            return OsqueryTls.nodeResponse(true);
        }
        String nodeKey = OsqueryTls.newNodeKey();
        dao.insertNode(
                sha256(nodeKey),
                req.hostIdentifier(),
                req.hostname(),
                secret.get().unitId(),
                secret.get().id(),
                req.osqueryVersion(),
                clock.instant());
        registerFromHostDetails(req, secret.get().unitId());
        audit.recordAs(
                "osquery",
                "osquery.enroll",
                "osquery_node",
                req.hostIdentifier(),
                secret.get().unitId(),
                Map.of("hostname", String.valueOf(req.hostname())));
        return OsqueryTls.enrollResponse(nodeKey);
    }

    /**
     * Registers the enrolling machine with what its {@code host_details} say (system_info, os_version), through
     * the same importer as its later result logs, so it appears in the inventory before its first log.
     */
    private void registerFromHostDetails(OsqueryTls.EnrollRequest req, long unitId) {
        long now = clock.instant().getEpochSecond();
        List<JsonNode> entries = new ArrayList<>();
        if (req.hostname() != null || req.uuid() != null) {
            ObjectNode row = JSON.createObjectNode();
            if (req.hostname() != null) {
                row.put("hostname", req.hostname());
            }
            if (req.uuid() != null) {
                row.put("uuid", req.uuid());
            }
            entries.add(entry("system_info", req.hostIdentifier(), now, row));
        }
        if (req.osName() != null) {
            ObjectNode row = JSON.createObjectNode();
            row.put("name", req.osName());
            if (req.platform() != null) {
                row.put("platform", req.platform());
            }
            entries.add(entry("os_version", req.hostIdentifier(), now, row));
        }
        if (!entries.isEmpty()) {
            inventory.importOsqueryEntries(unitId, req.hostIdentifier(), entries);
        }
    }

    private static JsonNode entry(String query, String hostIdentifier, long unixTime, ObjectNode row) {
        ObjectNode e = JSON.createObjectNode();
        e.put("name", "pack_khien_" + query);
        e.put("hostIdentifier", hostIdentifier);
        e.put("unixTime", String.valueOf(unixTime));
        e.put("action", "snapshot");
        e.putArray("snapshot").add(row);
        return e;
    }

    /** {@code POST /config}: Khiên's pack for a known node. */
    @Transactional
    public String config(byte[] body) {
        return node(OsqueryTls.parseNodeKey(body)).isPresent()
                ? OsqueryTls.configResponse(PACK)
                : OsqueryTls.nodeResponse(true);
    }

    /** {@code POST /log}: result entries are imported into the inventory; status logs are acknowledged. */
    @Transactional
    public String log(byte[] body) {
        OsqueryTls.LogRequest req = OsqueryTls.parseLog(body);
        Optional<OsqueryDao.Node> node = node(req.nodeKey());
        if (node.isEmpty()) {
            return OsqueryTls.nodeResponse(true);
        }
        if (req.logType() == OsqueryTls.LogType.RESULT && !req.data().isEmpty()) {
            inventory.importOsqueryEntries(node.get().unitId(), node.get().hostIdentifier(), req.data());
        }
        return OsqueryTls.nodeResponse(false);
    }

    /** {@code POST /distributed/read}: the queries queued for the node's unit that it has not answered. */
    @Transactional
    public String distributedRead(byte[] body) {
        Optional<OsqueryDao.Node> node = node(OsqueryTls.parseNodeKey(body));
        return node.isPresent()
                ? OsqueryTls.distributedReadResponse(dao.pendingQueries(node.get(), clock.instant()))
                : OsqueryTls.nodeResponse(true);
    }

    /** Queues a read-only osquery SQL statement for every agent of a unit (answered at their next poll). */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public DistributedQuery queueQuery(UnitScope scope, long unitId, String sql) {
        if (units.find(scope, unitId).isEmpty()) {
            throw InventoryException.notFound("unit " + unitId);
        }
        String clean = sql == null ? "" : sql.strip();
        if (!clean.regionMatches(true, 0, "select ", 0, 7) || clean.length() > 4000) {
            throw new InventoryException(
                    InventoryException.Kind.INVALID, "a query must be one SELECT statement of at most 4000 characters");
        }
        long id = dao.insertQuery(unitId, clean, actor(), clock.instant());
        audit.record("osquery.query.queue", "osquery_distributed_query", id, unitId, null, Map.of("sql", clean));
        return dao.queries(scope).stream().filter(q -> q.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<DistributedQuery> queries(UnitScope scope) {
        return dao.queries(scope);
    }

    /**
     * {@code POST /distributed/write}: answers to Khiên's queued queries ({@code khien-<id>}) are stored with their
     * status; ids Khiên did not ask are ignored.
     */
    @Transactional
    public String distributedWrite(byte[] body) {
        OsqueryTls.DistributedWriteRequest req = OsqueryTls.parseDistributedWrite(body);
        Optional<OsqueryDao.Node> node = node(req.nodeKey());
        if (node.isEmpty()) {
            return OsqueryTls.nodeResponse(true);
        }
        for (var e : req.queries().entrySet()) {
            if (!e.getKey().matches("khien-\\d{1,18}")) {
                continue;
            }
            long id = Long.parseLong(e.getKey().substring("khien-".length()));
            int status = req.statuses().getOrDefault(e.getKey(), 0);
            dao.insertResult(
                    id,
                    node.get(),
                    status,
                    e.getValue().size(),
                    JSON.writeValueAsString(e.getValue()),
                    clock.instant());
        }
        return OsqueryTls.nodeResponse(false);
    }

    private Optional<OsqueryDao.Node> node(String nodeKey) {
        return dao.node(sha256(nodeKey), clock.instant());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String actor() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }
}
