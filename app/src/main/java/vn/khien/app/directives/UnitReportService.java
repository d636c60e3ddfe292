package vn.khien.app.directives;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.directives.internal.DirectiveDao;
import vn.khien.app.directives.internal.ReportDao;
import vn.khien.app.directives.internal.TaskDao;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.KhienProperties;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.CurrentCaller;
import vn.khien.app.security.KhienPrincipal;
import vn.khien.core.org.Role;

/**
 * Unit reports (báo cáo kết quả thực hiện) on a directive: the form pre-filled with the unit's tasks and the figures
 * of their linked rules, free text and evidence; DRAFT → SUBMITTED (by the unit's IT officer or head) → APPROVED or
 * RETURNED (by the head of that unit only). The province overview shows who has reported.
 */
@Service
public class UnitReportService {
    private static final int MAX_TEXT = 20_000;

    private final ReportDao dao;
    private final TaskDao taskDao;
    private final DirectiveDao directiveDao;
    private final DirectiveService directives;
    private final DirectiveTaskService tasks;
    private final UnitService units;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    public UnitReportService(
            ReportDao dao,
            TaskDao taskDao,
            DirectiveDao directiveDao,
            DirectiveService directives,
            DirectiveTaskService tasks,
            UnitService units,
            CurrentCaller caller,
            AuditTrail audit,
            Clock clock,
            KhienProperties properties) {
        this.dao = dao;
        this.taskDao = taskDao;
        this.directiveDao = directiveDao;
        this.directives = directives;
        this.tasks = tasks;
        this.units = units;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** The stored report of (directive, unit), if the unit is in scope and one exists. */
    @PreAuthorize(DirectiveService.READERS)
    @Transactional(readOnly = true)
    public Optional<UnitReport> find(UnitScope scope, long directiveId, long unitId) {
        directives.get(scope, directiveId);
        if (!scope.allows(unitId)) {
            return Optional.empty();
        }
        return dao.find(directiveId, unitId).map(r -> view(scope, r));
    }

    /**
     * The report form of (directive, unit): the stored report, or a new one (id 0, status NONE) pre-filled with the
     * unit's tasks and the current figures of their linked rules.
     */
    @PreAuthorize(DirectiveService.READERS)
    @Transactional(readOnly = true)
    public UnitReport form(UnitScope scope, long directiveId, long unitId) {
        Optional<UnitReport> stored = find(scope, directiveId, unitId);
        if (stored.isPresent()) {
            return stored.get();
        }
        if (!scope.allows(unitId)) {
            throw DirectiveException.notFound("unit " + unitId);
        }
        List<DirectiveTask> own = ownTasks(scope, directiveId, unitId);
        return new UnitReport(
                0,
                directiveId,
                unitId,
                units.get(scope, unitId).name(),
                ReportStatus.NONE,
                "",
                own,
                figures(unitId, own),
                null,
                null,
                null,
                null,
                null,
                null,
                clock.instant(),
                List.of());
    }

    @PreAuthorize(DirectiveService.READERS)
    @Transactional(readOnly = true)
    public UnitReport get(UnitScope scope, long reportId) {
        return view(
                scope, dao.find(scope, reportId).orElseThrow(() -> DirectiveException.notFound("report " + reportId)));
    }

    /** Saves the text of the unit's draft (created when needed). */
    @PreAuthorize("hasAnyRole('IT_OFFICER','UNIT_HEAD')")
    @Transactional
    public UnitReport saveDraft(UnitScope scope, long directiveId, long unitId, String text) {
        requireOfficerOf(unitId, Role.IT_OFFICER, Role.UNIT_HEAD);
        ReportDao.Row row = editable(scope, directiveId, unitId);
        dao.saveText(row.id(), checkText(text), clock.instant());
        UnitReport after = get(scope, row.id());
        audit.record("directive.report.save", "directive_report", row.id(), unitId, summary(row), summary(after));
        return after;
    }

    /** Submits the unit's report with the current figures as a snapshot; by the unit's IT officer or head. */
    @PreAuthorize("hasAnyRole('IT_OFFICER','UNIT_HEAD')")
    @Transactional
    public UnitReport submit(UnitScope scope, long directiveId, long unitId, @Nullable String text) {
        requireOfficerOf(unitId, Role.IT_OFFICER, Role.UNIT_HEAD);
        ReportDao.Row row = editable(scope, directiveId, unitId);
        List<DirectiveTask> own = ownTasks(scope, directiveId, unitId);
        String body = text == null ? row.text() : checkText(text);
        if (body.isBlank()) {
            throw DirectiveException.invalid("the report needs a text describing what the unit has done");
        }
        dao.submit(
                row.id(),
                body,
                new ReportDao.Snapshot(own, figures(unitId, own)),
                clock.instant(),
                DirectiveService.actor());
        UnitReport after = get(scope, row.id());
        audit.record("directive.report.submit", "directive_report", row.id(), unitId, summary(row), summary(after));
        return after;
    }

    /** Approves a submitted report; only the head (UNIT_HEAD) of the report's unit may. */
    @PreAuthorize("hasRole('UNIT_HEAD')")
    @Transactional
    public UnitReport approve(UnitScope scope, long reportId) {
        return decide(scope, reportId, ReportStatus.APPROVED, null);
    }

    /** Returns a submitted report to the unit with a reason; only the head of the report's unit may. */
    @PreAuthorize("hasRole('UNIT_HEAD')")
    @Transactional
    public UnitReport returnReport(UnitScope scope, long reportId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw DirectiveException.invalid("say why the report is returned");
        }
        return decide(scope, reportId, ReportStatus.RETURNED, reason.strip());
    }

    private UnitReport decide(UnitScope scope, long reportId, ReportStatus to, @Nullable String reason) {
        ReportDao.Row row =
                dao.find(scope, reportId).orElseThrow(() -> DirectiveException.notFound("report " + reportId));
        requireOfficerOf(row.unitId(), Role.UNIT_HEAD);
        if (row.status() != ReportStatus.SUBMITTED) {
            throw new DirectiveException(
                    DirectiveException.Kind.CONFLICT, "report " + reportId + " is " + row.status() + ", not SUBMITTED");
        }
        dao.decide(
                reportId,
                to,
                reason,
                clock.instant(),
                DirectiveService.actor(),
                caller.principal().map(KhienPrincipal::displayName).orElse(null));
        UnitReport after = get(scope, reportId);
        audit.record(
                to == ReportStatus.APPROVED ? "directive.report.approve" : "directive.report.return",
                "directive_report",
                reportId,
                row.unitId(),
                summary(row),
                summary(after));
        return after;
    }

    /** Attaches an evidence file to the unit's report (creating its draft when needed). */
    @PreAuthorize("hasAnyRole('IT_OFFICER','UNIT_HEAD')")
    @Transactional
    public EvidenceFile addEvidence(UnitScope scope, long directiveId, long unitId, String fileName, InputStream in) {
        requireOfficerOf(unitId, Role.IT_OFFICER, Role.UNIT_HEAD);
        ReportDao.Row row = dao.find(directiveId, unitId).orElse(null);
        if (row == null || row.status() != ReportStatus.SUBMITTED) {
            row = editable(scope, directiveId, unitId);
        }
        return tasks.storeEvidence(directiveId, unitId, null, row.id(), fileName, in);
    }

    /**
     * The province view of a directive: every unit in scope holding a task of it (any level), with tasks done of
     * total, overdue tasks, report status and date, and the evidence of its tasks and report.
     */
    @PreAuthorize(DirectiveService.READERS)
    @Transactional(readOnly = true)
    public Overview overview(UnitScope scope, long directiveId) {
        return overviewOf(scope, directives.get(scope, directiveId), tasks.tasks(scope, directiveId));
    }

    /**
     * The progress of every active directive issued and activated by {@code to} with a task in {@code unitId}'s
     * subtree, each overview limited to that subtree and to scope. For the periodic report, which the scheduler also
     * generates without a caller: so no role check here, the scope alone limits what is read.
     */
    @Transactional(readOnly = true)
    public List<DirectiveProgress> progress(UnitScope scope, long unitId, LocalDate to) {
        Set<Long> subtree = new LinkedHashSet<>(units.subtreeIds(unitId));
        subtree.removeIf(u -> !scope.allows(u));
        if (subtree.isEmpty()) {
            return List.of();
        }
        UnitScope within = UnitScope.of(subtree);
        Instant endOf = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<DirectiveProgress> out = new ArrayList<>();
        for (Directive d : directiveDao.list(within)) {
            if (!d.active()
                    || (d.issuedOn() != null && d.issuedOn().isAfter(to))
                    || (d.activatedAt() != null && d.activatedAt().isAfter(endOf))) {
                continue;
            }
            List<DirectiveTask> own = tasks.named(taskDao.list(within, d.id()));
            if (!own.isEmpty()) {
                out.add(new DirectiveProgress(d, overviewOf(within, d, own)));
            }
        }
        return out;
    }

    private Overview overviewOf(UnitScope scope, Directive d, List<DirectiveTask> all) {
        long directiveId = d.id();
        Map<Long, ReportDao.Row> reports = dao.ofDirective(directiveId).stream()
                .collect(Collectors.toMap(ReportDao.Row::unitId, Function.identity()));
        Map<Long, List<EvidenceFile>> evidence = taskDao.evidenceOfDirective(scope, directiveId).stream()
                .collect(Collectors.groupingBy(EvidenceFile::unitId));
        Map<Long, List<DirectiveTask>> byUnit = new LinkedHashMap<>();
        all.stream().sorted((a, b) -> a.unitName().compareTo(b.unitName())).forEach(t -> byUnit.computeIfAbsent(
                        t.unitId(), k -> new ArrayList<>())
                .add(t));
        List<Overview.Row> rows = new ArrayList<>();
        for (Map.Entry<Long, List<DirectiveTask>> e : byUnit.entrySet()) {
            List<DirectiveTask> ts = e.getValue();
            ReportDao.Row r = reports.get(e.getKey());
            rows.add(new Overview.Row(
                    e.getKey(),
                    ts.get(0).unitName(),
                    (int) ts.stream().filter(DirectiveTask::done).count(),
                    ts.size(),
                    (int) ts.stream().filter(DirectiveTask::overdue).count(),
                    r == null ? ReportStatus.NONE : r.status(),
                    r == null ? null : r.submittedAt(),
                    r == null ? null : r.id(),
                    evidence.getOrDefault(e.getKey(), List.of())));
        }
        int reported = (int) rows.stream().filter(Overview.Row::reported).count();
        return new Overview(d.id(), d.reference(), rows, reported);
    }

    private ReportDao.Row editable(UnitScope scope, long directiveId, long unitId) {
        Directive d = directives.get(scope, directiveId);
        if (!scope.allows(unitId)) {
            throw DirectiveException.notFound("unit " + unitId);
        }
        if (ownTasks(scope, d.id(), unitId).isEmpty()) {
            throw DirectiveException.invalid("the unit has no task of this directive to report on");
        }
        Optional<ReportDao.Row> row = dao.find(directiveId, unitId);
        if (row.isEmpty()) {
            long id = dao.insert(directiveId, unitId, "", clock.instant());
            ReportDao.Row created = dao.find(scope, id).orElseThrow();
            audit.record("directive.report.create", "directive_report", id, unitId, null, summary(created));
            return created;
        }
        ReportStatus s = row.get().status();
        if (s != ReportStatus.DRAFT && s != ReportStatus.RETURNED) {
            throw new DirectiveException(
                    DirectiveException.Kind.CONFLICT, "the report is " + s + " and can no longer be changed");
        }
        return row.get();
    }

    private void requireOfficerOf(long unitId, Role... roles) {
        Optional<KhienPrincipal> p = caller.principal();
        boolean ok = p.isPresent()
                && p.get().unitId() != null
                && p.get().unitId() == unitId
                && java.util.Arrays.stream(roles).anyMatch(p.get()::has);
        if (!ok) {
            throw new DirectiveException(
                    DirectiveException.Kind.FORBIDDEN,
                    "only the " + java.util.Arrays.toString(roles) + " of unit " + unitId + " may do this");
        }
    }

    private List<DirectiveTask> ownTasks(UnitScope scope, long directiveId, long unitId) {
        return tasks.tasks(scope, directiveId).stream()
                .filter(t -> t.unitId() == unitId)
                .toList();
    }

    private List<RuleFigure> figures(long unitId, List<DirectiveTask> own) {
        Set<String> rules = new LinkedHashSet<>();
        own.forEach(t -> rules.addAll(t.rules()));
        return tasks.figures(unitId, List.copyOf(rules), false);
    }

    private static String checkText(String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_TEXT) {
            throw DirectiveException.invalid("the report text is longer than " + MAX_TEXT + " characters");
        }
        return t;
    }

    private UnitReport view(UnitScope scope, ReportDao.Row r) {
        boolean live = r.snapshot() == null || r.status() == ReportStatus.DRAFT || r.status() == ReportStatus.RETURNED;
        List<DirectiveTask> own = live
                ? ownTasks(scope, r.directiveId(), r.unitId())
                : r.snapshot().tasks();
        List<RuleFigure> figures =
                live ? figures(r.unitId(), own) : r.snapshot().figures();
        return new UnitReport(
                r.id(),
                r.directiveId(),
                r.unitId(),
                units.get(UnitScope.province(), r.unitId()).name(),
                r.status(),
                r.text(),
                own,
                figures,
                r.submittedAt(),
                r.submittedBy(),
                r.decidedAt(),
                r.decidedBy(),
                r.decidedByName(),
                r.returnReason(),
                r.updatedAt(),
                taskDao.evidenceOfReport(r.id()));
    }

    private static Map<String, Object> summary(ReportDao.Row r) {
        return Map.of("status", r.status().name(), "textLength", r.text().length(), "unitId", r.unitId());
    }

    private static Map<String, Object> summary(UnitReport r) {
        return Map.of("status", r.status().name(), "textLength", r.text().length(), "unitId", r.unitId());
    }
}
