package vn.khien.app.incidents;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.incidents.internal.ClamdScanner;
import vn.khien.app.incidents.internal.EvidenceStore;
import vn.khien.app.incidents.internal.IncidentDao;
import vn.khien.app.incidents.internal.IncidentReports;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;

/**
 * Incidents within the caller's scope: intake (any staff member), promotion of alerts, the workflow with tasks
 * and a timeline, deadlines and their escalation, and evidence. Every change is audited and put on the timeline.
 */
@Service
public class IncidentService {
    static final String READERS =
            "hasAnyRole('ADMIN','COORDINATOR','POLICE','RESPONDER','IT_OFFICER','UNIT_HEAD','STAFF','AUDITOR')";
    static final String REPORTERS =
            "hasAnyRole('ADMIN','COORDINATOR','POLICE','RESPONDER','IT_OFFICER','UNIT_HEAD','STAFF')";
    static final String HANDLERS = "hasAnyRole('ADMIN','COORDINATOR','POLICE','RESPONDER')";
    static final String WORKERS = "hasAnyRole('ADMIN','COORDINATOR','POLICE','RESPONDER','IT_OFFICER')";

    private final IncidentDao dao;
    private final UnitService units;
    private final AuditTrail audit;
    private final Clock clock;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final DeadlineRules rules;
    private final EvidenceStore store;
    private final ClamdScanner clamd;
    private final IncidentSettings settings;
    private final IncidentReports reports;

    public IncidentService(
            IncidentDao dao,
            UnitService units,
            AuditTrail audit,
            Clock clock,
            Validator validator,
            ApplicationEventPublisher events,
            DeadlineRules rules,
            EvidenceStore store,
            ClamdScanner clamd,
            IncidentSettings settings,
            IncidentReports reports) {
        this.dao = dao;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
        this.validator = validator;
        this.events = events;
        this.rules = rules;
        this.store = store;
        this.clamd = clamd;
        this.settings = settings;
        this.reports = reports;
    }

    @Transactional(readOnly = true)
    public Incident get(UnitScope scope, long id) {
        Incident i = dao.find(scope, id).orElseThrow(() -> IncidentException.notFound(id));
        return named(i);
    }

    @Transactional(readOnly = true)
    public List<Incident> list(UnitScope scope, @Nullable IncidentStatus status) {
        return dao.list(scope, status, 500).stream().map(this::named).toList();
    }

    @Transactional(readOnly = true)
    public List<IncidentTask> tasks(UnitScope scope, long id) {
        get(scope, id);
        return dao.tasks(id);
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(UnitScope scope, long id) {
        get(scope, id);
        return dao.timeline(id);
    }

    @Transactional(readOnly = true)
    public List<String> alertIds(UnitScope scope, long id) {
        get(scope, id);
        return dao.alertIds(id);
    }

    @Transactional(readOnly = true)
    public List<Evidence> evidence(UnitScope scope, long id) {
        get(scope, id);
        return dao.evidence(id);
    }

    /** The legal deadlines of an incident, from its T0 and the regime in force on T0's date. */
    public List<Deadline> deadlines(Incident incident) {
        return rules.deadlines(incident.discoveredAt());
    }

    /** Opens an incident as reported by a person through the form or the API. */
    @PreAuthorize(REPORTERS)
    @Transactional
    public Incident report(UnitScope scope, IncidentDraft draft) {
        Set<ConstraintViolation<IncidentDraft>> violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            throw new IncidentException(
                    IncidentException.Kind.INVALID,
                    violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining("; ")));
        }
        Unit unit = units.find(scope, draft.unitId())
                .orElseThrow(() -> new IncidentException(
                        IncidentException.Kind.NOT_FOUND, "unit " + draft.unitId() + " not found"));
        Instant now = now();
        Instant t0 = draft.discoveredAt() == null ? now : draft.discoveredAt().truncatedTo(ChronoUnit.SECONDS);
        if (t0.isAfter(now.plusSeconds(300))) {
            throw new IncidentException(IncidentException.Kind.INVALID, "discovery time lies in the future");
        }
        return open(
                unit,
                draft.title().strip(),
                draft.category(),
                draft.severity() == null ? Severity.MEDIUM : draft.severity(),
                t0,
                draft.affected(),
                draft.affectedIds(),
                draft.indicators(),
                draft.summary(),
                draft.form() == null ? InitialReportForm.empty() : draft.form(),
                "incident.report",
                "Tiếp nhận báo cáo sự cố");
    }

    /**
     * Intake from detection: opens an incident for one alert, or returns the incident the alert already belongs to.
     * Called by the system (a listener of {@code AlertRaised}), so it is not limited by a caller's scope.
     */
    @Transactional
    public Incident reportFromAlert(AlertSummary alert) {
        Optional<Long> existing = dao.incidentOfAlert(alert.alertId());
        if (existing.isPresent()) {
            return get(UnitScope.province(), existing.get());
        }
        Unit unit = units.find(UnitScope.province(), alert.unitId())
                .orElseThrow(() -> new IncidentException(
                        IncidentException.Kind.NOT_FOUND, "unit " + alert.unitId() + " not found"));
        String what = alert.indicator() != null ? alert.indicator() : "cảnh báo " + alert.alertId();
        Incident i = open(
                unit,
                "Cảnh báo: " + what + (alert.sourceIp() == null ? "" : " từ " + alert.sourceIp()),
                IncidentCategory.OTHER,
                alert.severity(),
                alert.firstSeen().truncatedTo(ChronoUnit.SECONDS),
                alert.sourceIp(),
                null,
                alert.indicator(),
                null,
                InitialReportForm.empty(),
                "incident.promote",
                "Nâng cảnh báo " + alert.alertId() + " thành sự cố");
        dao.addAlert(i.id(), alert);
        return i;
    }

    /** A coordinator promotes one or more alerts into one incident; T0 is the earliest first-seen time. */
    @PreAuthorize(HANDLERS)
    @Transactional
    public Incident promote(UnitScope scope, List<AlertSummary> alerts, IncidentCategory category, String title) {
        if (alerts.isEmpty()) {
            throw new IncidentException(IncidentException.Kind.INVALID, "no alerts to promote");
        }
        AlertSummary first = alerts.stream()
                .min((a, b) -> a.firstSeen().compareTo(b.firstSeen()))
                .orElseThrow();
        for (AlertSummary a : alerts) {
            if (!scope.allows(a.unitId())) {
                throw new IncidentException(IncidentException.Kind.NOT_FOUND, "unit " + a.unitId() + " not found");
            }
            if (dao.incidentOfAlert(a.alertId()).isPresent()) {
                throw new IncidentException(
                        IncidentException.Kind.CONFLICT, "alert " + a.alertId() + " already belongs to an incident");
            }
        }
        Unit unit = units.find(scope, first.unitId()).orElseThrow();
        Severity worst =
                alerts.stream().map(AlertSummary::severity).max(Enum::compareTo).orElseThrow();
        Incident i = open(
                unit,
                title.strip(),
                category,
                worst,
                first.firstSeen().truncatedTo(ChronoUnit.SECONDS),
                alerts.stream()
                        .map(AlertSummary::sourceIp)
                        .filter(s -> s != null)
                        .distinct()
                        .collect(Collectors.joining(", ")),
                null,
                alerts.stream()
                        .map(AlertSummary::indicator)
                        .filter(s -> s != null)
                        .distinct()
                        .collect(Collectors.joining("\n")),
                null,
                InitialReportForm.empty(),
                "incident.promote",
                "Nâng " + alerts.size() + " cảnh báo thành sự cố: "
                        + alerts.stream().map(AlertSummary::alertId).collect(Collectors.joining(", ")));
        alerts.forEach(a -> dao.addAlert(i.id(), a));
        return i;
    }

    private Incident open(
            Unit unit,
            String title,
            IncidentCategory category,
            Severity severity,
            Instant t0,
            @Nullable String affected,
            @Nullable String affectedIds,
            @Nullable String indicators,
            @Nullable String summary,
            InitialReportForm form,
            String action,
            String timelineText) {
        Instant now = now();
        DeadlineRules.Regime regime = rules.regimeFor(t0);
        Incident draft = new Incident(
                0,
                unit.id(),
                unit.name(),
                title,
                category,
                severity,
                IncidentStatus.NEW,
                t0,
                now,
                actor(),
                null,
                blankToNull(affected),
                blankToNull(affectedIds),
                blankToNull(indicators),
                blankToNull(summary),
                null,
                regime.id(),
                rules.version(),
                form);
        long id = dao.insert(draft);
        Incident created = get(UnitScope.province(), id);
        dao.event(id, now, actor(), "CREATED", timelineText);
        audit.record(action, "incident", id, unit.id(), null, created);
        events.publishEvent(
                new IncidentOpened(id, unit.id(), created.code(), created.title(), severity, category, now));
        return created;
    }

    /** Classifies a new incident and names who handles it. */
    @PreAuthorize(HANDLERS)
    @Transactional
    public Incident triage(
            UnitScope scope, long id, Severity severity, IncidentCategory category, @Nullable String assignee) {
        Incident before = get(scope, id);
        requireMove(before, IncidentStatus.TRIAGED);
        Incident after = with(before, IncidentStatus.TRIAGED, severity, category, blankToNull(assignee), null);
        return save(
                before,
                after,
                "incident.triage",
                "TRIAGED",
                "Phân loại: " + category.vietnamese() + ", mức " + severity.vietnamese()
                        + (assignee == null || assignee.isBlank() ? "" : ", giao cho " + assignee.strip()));
    }

    /** Moves an incident along its workflow; closing needs the lessons learned. */
    @PreAuthorize(HANDLERS)
    @Transactional
    public Incident transition(UnitScope scope, long id, IncidentStatus to, @Nullable String note) {
        Incident before = get(scope, id);
        requireMove(before, to);
        String lessons = before.lessonsLearned();
        if (to == IncidentStatus.CLOSED) {
            if (note == null || note.isBlank()) {
                throw new IncidentException(
                        IncidentException.Kind.INVALID, "closing an incident needs the lessons learned");
            }
            lessons = note.strip();
        }
        Incident after = with(before, to, before.severity(), before.category(), before.assignee(), lessons);
        String text = "Chuyển trạng thái: " + before.status().vietnamese() + " → " + to.vietnamese()
                + (note == null || note.isBlank() ? "" : ". " + note.strip());
        return save(before, after, "incident.status", to.name(), text);
    }

    /** Completes the fields of the initial report (form 03). */
    @PreAuthorize(WORKERS)
    @Transactional
    public Incident updateForm(UnitScope scope, long id, InitialReportForm form) {
        Incident before = get(scope, id);
        Incident after = new Incident(
                before.id(),
                before.unitId(),
                before.unitName(),
                before.title(),
                before.category(),
                before.severity(),
                before.status(),
                before.discoveredAt(),
                before.reportedAt(),
                before.reportedBy(),
                before.assignee(),
                before.affected(),
                before.affectedIds(),
                before.indicators(),
                before.summary(),
                before.lessonsLearned(),
                before.regimeId(),
                before.packVersion(),
                form);
        return save(before, after, "incident.form", "FORM", "Cập nhật thông tin báo cáo ban đầu (mẫu 03)");
    }

    @PreAuthorize(READERS)
    @Transactional
    public TimelineEntry comment(UnitScope scope, long id, String text) {
        Incident i = get(scope, id);
        if (text.isBlank() || text.length() > 4000) {
            throw new IncidentException(IncidentException.Kind.INVALID, "a comment has 1 to 4000 characters");
        }
        dao.event(id, now(), actor(), "COMMENT", text.strip());
        audit.record("incident.comment", "incident", id, i.unitId(), null, text.strip());
        List<TimelineEntry> all = dao.timeline(id);
        return all.get(all.size() - 1);
    }

    @PreAuthorize(WORKERS)
    @Transactional
    public IncidentTask addTask(UnitScope scope, long id, TaskPhase phase, String title, @Nullable String owner) {
        Incident i = get(scope, id);
        if (!i.status().open()) {
            throw new IncidentException(IncidentException.Kind.CONFLICT, "the incident is " + i.status());
        }
        if (title.isBlank()) {
            throw new IncidentException(IncidentException.Kind.INVALID, "a task needs a title");
        }
        long taskId = dao.insertTask(id, phase, title.strip(), blankToNull(owner), now());
        IncidentTask task = dao.task(taskId).orElseThrow();
        dao.event(
                id,
                now(),
                actor(),
                "TASK",
                "Thêm việc [" + phase.vietnamese() + "] " + task.title()
                        + (task.owner() == null ? "" : " — phụ trách: " + task.owner()));
        audit.record("incident.task.add", "incident_task", taskId, i.unitId(), null, task);
        return task;
    }

    @PreAuthorize(WORKERS)
    @Transactional
    public IncidentTask completeTask(UnitScope scope, long taskId) {
        IncidentTask before = dao.task(taskId)
                .orElseThrow(
                        () -> new IncidentException(IncidentException.Kind.NOT_FOUND, "task " + taskId + " not found"));
        Incident i = get(scope, before.incidentId());
        dao.completeTask(taskId, now());
        IncidentTask after = dao.task(taskId).orElseThrow();
        dao.event(i.id(), now(), actor(), "TASK_DONE", "Hoàn thành việc: " + before.title());
        audit.record("incident.task.done", "incident_task", taskId, i.unitId(), before, after);
        return after;
    }

    /** Stores an evidence file (refused over the size limit), scanning it with clamd when configured. */
    @PreAuthorize(REPORTERS)
    @Transactional
    public Evidence addEvidence(UnitScope scope, long id, String fileName, InputStream content) {
        Incident i = get(scope, id);
        long limit = settings.evidenceMaxSize().toBytes();
        EvidenceStore.Stored stored;
        try {
            stored = store.store(content, limit);
        } catch (EvidenceStore.TooLarge e) {
            throw new IncidentException(
                    IncidentException.Kind.TOO_LARGE,
                    "evidence files are limited to "
                            + settings.evidenceMaxSize().toMegabytes() + " MB");
        }
        String scan = clamd.enabled() ? clamd.scan(stored.path()) : "NOT_SCANNED";
        String name = safeName(fileName);
        long evidenceId = dao.insertEvidence(id, name, stored.sha256(), stored.size(), scan, actor(), now());
        Evidence e = dao.evidenceItem(evidenceId).orElseThrow();
        dao.event(
                id,
                now(),
                actor(),
                "EVIDENCE",
                "Thêm chứng cứ " + name + " (" + stored.size() + " byte, SHA-256 " + stored.sha256() + ", quét: " + scan
                        + ")");
        audit.record("incident.evidence", "incident_evidence", evidenceId, i.unitId(), null, e);
        return e;
    }

    /** The evidence record and its file, for a reader of the incident only. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public EvidenceFile evidenceFile(UnitScope scope, long evidenceId) {
        Evidence e = dao.evidenceItem(evidenceId)
                .orElseThrow(() -> new IncidentException(
                        IncidentException.Kind.NOT_FOUND, "evidence " + evidenceId + " not found"));
        get(scope, e.incidentId());
        return new EvidenceFile(e, store.path(e.sha256()));
    }

    /** The initial report (form 03) as an official DOCX document. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public byte[] initialReport(UnitScope scope, long id) {
        Incident i = get(scope, id);
        return reports.initial(i, parentBody(i), place(), LocalDate.ofInstant(now(), clock.getZone()), deadlines(i));
    }

    /** The final report (form 04) as an official DOCX document. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public byte[] finalReport(UnitScope scope, long id) {
        Incident i = get(scope, id);
        return reports.fin(i, parentBody(i), place(), LocalDate.ofInstant(now(), clock.getZone()), dao.tasks(id));
    }

    private String parentBody(Incident i) {
        return units.find(UnitScope.province(), i.unitId())
                .map(Unit::parentId)
                .flatMap(p -> units.find(UnitScope.province(), p))
                .map(Unit::name)
                .orElse("");
    }

    /** The place in the date line: the province's name without "UBND tỉnh". */
    private String place() {
        return units.roots(UnitScope.province()).stream()
                .findFirst()
                .map(u -> u.name().replaceFirst("(?iu)^(UBND|Ủy ban nhân dân)\\s+(tỉnh|thành phố)\\s+", ""))
                .orElse("…");
    }

    /** An evidence record with where its bytes are. */
    public record EvidenceFile(Evidence evidence, Path path) {}

    /**
     * Escalates every deadline of an open incident that entered its warning window at {@code now}, once per
     * deadline; deadlines overdue by more than a day are not re-announced (they are shown as overdue instead), and a
     * deadline due at T0 itself is covered by the page sent when the incident opened.
     * Returns how many were escalated.
     */
    @Transactional
    public int escalateDeadlines(Instant now) {
        int n = 0;
        for (Incident i : dao.open()) {
            for (Deadline d : rules.deadlines(i.discoveredAt())) {
                // a deadline due at T0 itself ("immediately") is announced by the opening page, not again here
                boolean immediate = !d.due().isAfter(d.origin());
                if (!immediate
                        && d.near(now)
                        && now.isBefore(d.due().plus(1, ChronoUnit.DAYS))
                        && dao.markEscalated(i.id(), d.id(), now)) {
                    dao.event(i.id(), now, "system", "DEADLINE", "Sắp đến hạn: " + d.label());
                    audit.record("incident.deadline.escalate", "incident", i.id(), i.unitId(), null, d);
                    events.publishEvent(new IncidentDeadlineNear(
                            i.id(), i.unitId(), i.code(), i.title(), d.id(), d.label(), d.due()));
                    n++;
                }
            }
        }
        return n;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Incident save(Incident before, Incident after, String action, String kind, String text) {
        dao.update(after);
        Incident saved = get(UnitScope.province(), after.id());
        dao.event(after.id(), now(), actor(), kind, text);
        audit.record(action, "incident", after.id(), after.unitId(), before, saved);
        return saved;
    }

    private static void requireMove(Incident i, IncidentStatus to) {
        if (!i.status().next().contains(to)) {
            throw new IncidentException(
                    IncidentException.Kind.CONFLICT,
                    "cannot move incident " + i.id() + " from " + i.status() + " to " + to);
        }
    }

    private static Incident with(
            Incident b,
            IncidentStatus status,
            Severity severity,
            IncidentCategory category,
            @Nullable String assignee,
            @Nullable String lessons) {
        return new Incident(
                b.id(),
                b.unitId(),
                b.unitName(),
                b.title(),
                category,
                severity,
                status,
                b.discoveredAt(),
                b.reportedAt(),
                b.reportedBy(),
                assignee,
                b.affected(),
                b.affectedIds(),
                b.indicators(),
                b.summary(),
                lessons,
                b.regimeId(),
                b.packVersion(),
                b.form());
    }

    private Incident named(Incident i) {
        String name =
                units.find(UnitScope.province(), i.unitId()).map(Unit::name).orElse("#" + i.unitId());
        return new Incident(
                i.id(),
                i.unitId(),
                name,
                i.title(),
                i.category(),
                i.severity(),
                i.status(),
                i.discoveredAt(),
                i.reportedAt(),
                i.reportedBy(),
                i.assignee(),
                i.affected(),
                i.affectedIds(),
                i.indicators(),
                i.summary(),
                i.lessonsLearned(),
                i.regimeId(),
                i.packVersion(),
                i.form());
    }

    static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    private static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "_")
                .strip();
        if (base.isEmpty()) {
            base = "evidence.bin";
        }
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
