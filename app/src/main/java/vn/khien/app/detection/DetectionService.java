package vn.khien.app.detection;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.detection.internal.DetectionDao;
import vn.khien.app.detection.internal.Pipeline;
import vn.khien.app.intel.IntelService;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.logs.LogFormat;

/**
 * Detection: ingesting logs (upload and HTTP bulk; syslog runs the same pipeline), and reading and handling
 * the alerts within the caller's scope.
 */
@Service
public class DetectionService {
    static final String INGESTERS = "hasAnyRole('ADMIN','COORDINATOR','RESPONDER','POLICE','IT_OFFICER')";
    static final Set<String> STATUSES = Set.of("OPEN", "ACKNOWLEDGED", "RESOLVED", "FALSE_POSITIVE");
    static final Set<String> SEVERITIES = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

    private final Pipeline pipeline;
    private final DetectionDao dao;
    private final IntelService intel;
    private final AuditTrail audit;

    public DetectionService(Pipeline pipeline, DetectionDao dao, IntelService intel, AuditTrail audit) {
        this.pipeline = pipeline;
        this.dao = dao;
        this.intel = intel;
        this.audit = audit;
    }

    /**
     * Reads a log from {@code in} into the source {@code source} in {@code format} ({@code auto}, empty or
     * {@code null} to detect it from the first lines). Malformed lines are counted and listed, never fatal.
     *
     * @param scope alerts are raised only for machines of units in scope (all for province roles)
     * @param kind {@code UPLOAD} or {@code HTTP}
     */
    @PreAuthorize(INGESTERS)
    public IngestResult ingest(UnitScope scope, String source, String kind, @Nullable String format, InputStream in)
            throws IOException {
        String name = source == null ? "" : source.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new DetectionException(
                    DetectionException.Kind.INVALID, "a log source needs a name of 1–200 characters");
        }
        LogFormat f = Pipeline.format(format);
        Pipeline.Session session = pipeline.open(name, kind, f, scope);
        ImportReport report = pipeline.run(session, f, in);
        List<String> rejections = report.rejections().stream()
                .limit(100)
                .map(r -> "line " + r.line() + ": " + r.reason())
                .toList();
        IngestResult result = new IngestResult(
                name,
                session.format() == null ? "?" : session.format().name(),
                report.read(),
                report.rejected(),
                session.matched(),
                session.created(),
                session.updated(),
                rejections);
        audit.record(
                "detection.ingest",
                "log_source",
                name,
                null,
                null,
                Map.of(
                        "source",
                        name,
                        "format",
                        result.format(),
                        "lines",
                        result.lines(),
                        "malformed",
                        result.malformed(),
                        "alertsCreated",
                        result.alertsCreated()));
        return result;
    }

    @Transactional(readOnly = true)
    public List<Alert> alerts(
            UnitScope scope,
            @Nullable Long unitId,
            @Nullable String severity,
            @Nullable String status,
            @Nullable String rule,
            int limit,
            int offset) {
        String sev = blankToNull(severity);
        String st = blankToNull(status);
        if (sev != null && !SEVERITIES.contains(sev)) {
            throw new DetectionException(DetectionException.Kind.INVALID, "unknown severity '" + severity + "'");
        }
        if (st != null && !STATUSES.contains(st)) {
            throw new DetectionException(DetectionException.Kind.INVALID, "unknown status '" + status + "'");
        }
        if (unitId != null && !scope.allows(unitId)) {
            throw DetectionException.notFound("unit " + unitId);
        }
        return dao.alerts(
                scope,
                new DetectionDao.Filter(unitId, sev, st, blankToNull(rule)),
                Math.max(1, Math.min(limit, 1000)),
                Math.max(0, offset));
    }

    @Transactional(readOnly = true)
    public Alert alert(UnitScope scope, long id) {
        return dao.alert(scope, id).orElseThrow(() -> DetectionException.notFound("alert " + id));
    }

    @Transactional(readOnly = true)
    public List<Evidence> evidence(UnitScope scope, long id) {
        alert(scope, id);
        return dao.evidence(id);
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','RESPONDER','POLICE','IT_OFFICER','UNIT_HEAD')")
    @Transactional
    public Alert setStatus(UnitScope scope, long id, String status) {
        String s = status == null ? "" : status.strip().toUpperCase(java.util.Locale.ROOT);
        if (!STATUSES.contains(s)) {
            throw new DetectionException(DetectionException.Kind.INVALID, "unknown status '" + status + "'");
        }
        Alert before = alert(scope, id);
        dao.status(id, s);
        Alert after = alert(scope, id);
        audit.record(
                "detection.alert.status",
                "alert",
                id,
                before.unitId(),
                Map.of("status", before.status()),
                Map.of("status", s));
        return after;
    }

    @Transactional(readOnly = true)
    public List<LogSource> sources(UnitScope scope) {
        if (!scope.all()) {
            return List.of();
        }
        return dao.sources();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
