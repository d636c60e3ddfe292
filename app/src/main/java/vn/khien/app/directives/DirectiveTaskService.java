package vn.khien.app.directives;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.compliance.ComplianceService;
import vn.khien.app.compliance.UnitScoreView;
import vn.khien.app.directives.internal.DirectiveFiles;
import vn.khien.app.directives.internal.TaskDao;
import vn.khien.app.notify.NotificationService;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.KhienProperties;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.compliance.Score;

/**
 * Tasks (nhiệm vụ) made from directive items: assignment to units by the province, sub-assignment by a unit to its
 * sub-units, progress and evidence reported by the unit, measured figures of linked compliance rules, and the
 * deadline check that marks overdue tasks and escalates each once to the parent unit. Every change is audited and
 * put on the task's timeline.
 */
@Service
public class DirectiveTaskService {
    static final String OFFICERS = "hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER','UNIT_HEAD')";

    /** Largest evidence file accepted. */
    public static final long MAX_EVIDENCE_BYTES = 10L * 1024 * 1024;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final TaskDao dao;
    private final DirectiveService directives;
    private final DirectiveFiles files;
    private final UnitService units;
    private final ComplianceService compliance;
    private final NotificationService notifications;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    public DirectiveTaskService(
            TaskDao dao,
            DirectiveService directives,
            DirectiveFiles files,
            UnitService units,
            ComplianceService compliance,
            NotificationService notifications,
            AuditTrail audit,
            Clock clock,
            KhienProperties properties) {
        this.dao = dao;
        this.directives = directives;
        this.files = files;
        this.units = units;
        this.compliance = compliance;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** Today in the province's time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    @PreAuthorize(DirectiveService.READERS)
    @Transactional(readOnly = true)
    public DirectiveTask get(UnitScope scope, long id) {
        return named(dao.find(scope, id).orElseThrow(() -> DirectiveException.notFound("task " + id)));
    }

    /** The tasks of a directive for units in scope (all levels). */
    @PreAuthorize(DirectiveService.READERS)
    @Transactional(readOnly = true)
    public List<DirectiveTask> tasks(UnitScope scope, long directiveId) {
        directives.get(scope, directiveId);
        return named(dao.list(scope, directiveId));
    }

    /** Every task of units in scope ("my tasks"), open ones first by deadline. */
    @PreAuthorize(DirectiveService.READERS)
    @Transactional(readOnly = true)
    public List<DirectiveTask> myTasks(UnitScope scope) {
        return named(dao.list(scope, null));
    }

    /** Overdue tasks escalated to units in scope, for the parent unit's view. */
    @PreAuthorize(DirectiveService.READERS)
    @Transactional(readOnly = true)
    public List<DirectiveTask> escalations(UnitScope scope) {
        return named(dao.escalatedTo(scope));
    }

    @PreAuthorize(DirectiveService.READERS)
    @Transactional(readOnly = true)
    public List<DirectiveTask> children(UnitScope scope, long taskId) {
        get(scope, taskId);
        return named(dao.children(taskId).stream()
                .filter(t -> scope.allows(t.unitId()))
                .toList());
    }

    @PreAuthorize(DirectiveService.READERS)
    @Transactional(readOnly = true)
    public List<TaskEvent> timeline(UnitScope scope, long taskId) {
        get(scope, taskId);
        return dao.events(taskId);
    }

    @PreAuthorize(DirectiveService.READERS)
    @Transactional(readOnly = true)
    public List<EvidenceFile> evidence(UnitScope scope, long taskId) {
        get(scope, taskId);
        return dao.evidenceOfTask(taskId);
    }

    /** Codes of the compliance rules in force, for linking tasks. */
    public List<String> ruleCodes() {
        return compliance.rules().stream().map(r -> r.id().code()).toList();
    }

    /**
     * The current figures of the task's linked rules for its unit (covering its subtree) and each direct sub-unit,
     * from the latest compliance score snapshot.
     */
    @PreAuthorize(DirectiveService.READERS)
    @Transactional(readOnly = true)
    public List<RuleFigure> measured(UnitScope scope, long taskId) {
        DirectiveTask t = get(scope, taskId);
        return figures(t.unitId(), t.rules(), true);
    }

    /** Figures of {@code rules} for the unit and, when asked, its direct sub-units (system use, no scope check). */
    List<RuleFigure> figures(long unitId, List<String> rules, boolean withChildren) {
        if (rules.isEmpty()) {
            return List.of();
        }
        Map<Long, UnitScoreView> scores = compliance.scores(UnitScope.of(units.subtreeIds(unitId))).stream()
                .collect(Collectors.toMap(UnitScoreView::unitId, Function.identity(), (a, b) -> a));
        List<Unit> shown = new ArrayList<>();
        shown.add(units.get(UnitScope.province(), unitId));
        if (withChildren) {
            shown.addAll(units.children(UnitScope.province(), unitId));
        }
        List<RuleFigure> out = new ArrayList<>();
        for (String rule : rules) {
            for (Unit u : shown) {
                UnitScoreView v = scores.get(u.id());
                Score s = v == null ? Score.EMPTY : v.rule(rule);
                out.add(new RuleFigure(rule, u.id(), u.name(), s.compliant(), s.total()));
            }
        }
        return out;
    }

    /**
     * Assigns an item of an active directive to units with a deadline and optional linked rules; returns the new
     * tasks. A unit already holding the item is refused.
     */
    @PreAuthorize(DirectiveService.COORDINATORS)
    @Transactional
    public List<DirectiveTask> assign(
            UnitScope scope,
            long directiveId,
            long itemId,
            List<Long> unitIds,
            LocalDate deadline,
            List<String> rules) {
        Directive d = directives.get(scope, directiveId);
        if (!d.active()) {
            throw new DirectiveException(
                    DirectiveException.Kind.CONFLICT, "directive " + directiveId + " is not active yet");
        }
        DirectiveClause item = d.items().stream()
                .filter(i -> i.id() == itemId)
                .findFirst()
                .orElseThrow(() -> DirectiveException.notFound("item " + itemId + " of directive " + directiveId));
        List<String> linked = checkRules(rules);
        if (unitIds.isEmpty()) {
            throw DirectiveException.invalid("choose at least one unit");
        }
        List<DirectiveTask> out = new ArrayList<>();
        for (long unitId : new LinkedHashSet<>(unitIds)) {
            Unit u = units.find(scope, unitId).orElseThrow(() -> DirectiveException.notFound("unit " + unitId));
            out.add(create(d.id(), item.id(), u, null, deadline, linked, "Giao nhiệm vụ mục " + item.number()));
        }
        return out;
    }

    /**
     * A unit passes its task on to sub-units: child tasks of the same item and linked rules, with a deadline not
     * later than the parent's.
     */
    @PreAuthorize(OFFICERS)
    @Transactional
    public List<DirectiveTask> subAssign(UnitScope scope, long parentTaskId, List<Long> unitIds, LocalDate deadline) {
        DirectiveTask parent = get(scope, parentTaskId);
        if (deadline.isAfter(parent.deadline())) {
            throw DirectiveException.invalid("the deadline " + DAY.format(deadline)
                    + " is later than the parent task's " + DAY.format(parent.deadline()));
        }
        if (unitIds.isEmpty()) {
            throw DirectiveException.invalid("choose at least one sub-unit");
        }
        Set<Long> below = units.subtreeIds(parent.unitId());
        List<DirectiveTask> out = new ArrayList<>();
        for (long unitId : new LinkedHashSet<>(unitIds)) {
            if (unitId == parent.unitId() || !below.contains(unitId)) {
                throw DirectiveException.invalid("unit " + unitId + " is not a sub-unit of " + parent.unitName());
            }
            Unit u = units.find(scope, unitId).orElseThrow(() -> DirectiveException.notFound("unit " + unitId));
            out.add(create(
                    parent.directiveId(),
                    parent.itemId(),
                    u,
                    parent.id(),
                    deadline,
                    parent.rules(),
                    "Giao tiếp cho đơn vị trực thuộc (từ nhiệm vụ " + parent.id() + " của " + parent.unitName() + ")"));
        }
        dao.event(
                parent.id(),
                clock.instant(),
                DirectiveService.actor(),
                "SUB_ASSIGNED",
                "Giao tiếp cho " + out.stream().map(DirectiveTask::unitName).collect(Collectors.joining(", ")));
        return out;
    }

    private DirectiveTask create(
            long directiveId,
            long itemId,
            Unit unit,
            @Nullable Long parentTaskId,
            LocalDate deadline,
            List<String> rules,
            String what) {
        if (dao.exists(itemId, unit.id())) {
            throw new DirectiveException(
                    DirectiveException.Kind.CONFLICT, unit.name() + " already has a task for this item");
        }
        Instant now = clock.instant();
        long id = dao.insert(
                directiveId, itemId, unit.id(), parentTaskId, deadline, rules, now, DirectiveService.actor());
        dao.event(id, now, DirectiveService.actor(), "ASSIGNED", what + ", hạn " + DAY.format(deadline));
        DirectiveTask t = get(UnitScope.province(), id);
        audit.record("directive.task.assign", "directive_task", id, unit.id(), null, t);
        return t;
    }

    private List<String> checkRules(List<String> rules) {
        List<String> known = ruleCodes();
        for (String r : rules) {
            if (!known.contains(r)) {
                throw DirectiveException.invalid("unknown rule " + r + "; known: " + String.join(", ", known));
            }
        }
        return List.copyOf(new LinkedHashSet<>(rules));
    }

    /** The unit reports its work: status NEW, IN_PROGRESS or DONE (progress 100), progress % and a note. */
    @PreAuthorize(OFFICERS)
    @Transactional
    public DirectiveTask updateStatus(
            UnitScope scope, long taskId, TaskStatus status, int progress, @Nullable String note) {
        DirectiveTask before = get(scope, taskId);
        if (status == TaskStatus.OVERDUE) {
            throw DirectiveException.invalid("OVERDUE is set by the deadline check, not by hand");
        }
        if (progress < 0 || progress > 100) {
            throw DirectiveException.invalid("progress must be between 0 and 100, not " + progress);
        }
        int p = status == TaskStatus.DONE ? 100 : progress;
        String n = DirectiveService.blank(note);
        if (n != null && n.length() > 4000) {
            throw DirectiveException.invalid("the note is longer than 4000 characters");
        }
        Instant now = clock.instant();
        dao.updateWork(taskId, status, p, n, now);
        dao.event(
                taskId,
                now,
                DirectiveService.actor(),
                "STATUS",
                status.name() + " " + p + "%" + (n == null ? "" : ": " + n));
        DirectiveTask after = get(scope, taskId);
        audit.record("directive.task.status", "directive_task", taskId, after.unitId(), before, after);
        return after;
    }

    /** Attaches an evidence file (at most {@link #MAX_EVIDENCE_BYTES}) to a task. */
    @PreAuthorize(OFFICERS)
    @Transactional
    public EvidenceFile addEvidence(UnitScope scope, long taskId, String fileName, InputStream in) {
        DirectiveTask t = get(scope, taskId);
        EvidenceFile e = storeEvidence(t.directiveId(), t.unitId(), t.id(), null, fileName, in);
        dao.event(taskId, e.uploadedAt(), e.uploadedBy(), "EVIDENCE", "Tải lên minh chứng " + e.fileName());
        return e;
    }

    EvidenceFile storeEvidence(
            long directiveId,
            long unitId,
            @Nullable Long taskId,
            @Nullable Long reportId,
            String fileName,
            InputStream in) {
        String name = DirectiveService.cleanName(fileName);
        DirectiveFiles.Stored stored;
        try {
            stored = files.store(in, MAX_EVIDENCE_BYTES);
        } catch (DirectiveFiles.TooLarge e) {
            throw new DirectiveException(
                    DirectiveException.Kind.TOO_LARGE,
                    name + " is larger than the limit of " + MAX_EVIDENCE_BYTES / (1024 * 1024) + " MB");
        }
        if (stored.size() == 0) {
            throw DirectiveException.invalid(name + " is empty");
        }
        Instant now = clock.instant();
        long id = dao.insertEvidence(
                directiveId,
                unitId,
                taskId,
                reportId,
                name,
                stored.sha256(),
                stored.size(),
                now,
                DirectiveService.actor());
        EvidenceFile e = dao.evidence(UnitScope.province(), id).orElseThrow();
        audit.record("directive.evidence.add", "directive_evidence", id, unitId, null, e);
        return e;
    }

    /** An evidence file and where its bytes are, if the caller may see the unit it belongs to. */
    public record Download(EvidenceFile evidence, Path path) {}

    @PreAuthorize(DirectiveService.READERS)
    @Transactional(readOnly = true)
    public Download download(UnitScope scope, long evidenceId) {
        EvidenceFile e = dao.evidence(scope, evidenceId)
                .orElseThrow(() -> DirectiveException.notFound("evidence " + evidenceId));
        return new Download(e, files.path(e.sha256()));
    }

    /** The coordinator's "check now" button: runs the deadline check at once. */
    @PreAuthorize(DirectiveService.COORDINATORS)
    @Transactional
    public int checkOverdueNow(UnitScope scope) {
        return checkOverdue();
    }

    /**
     * Marks every task past its deadline and not done as overdue and escalates it once to the parent unit: an
     * entry on the task's timeline, the task listed on the parent unit's view, a digest notice and an audit entry.
     * Returns how many tasks were marked. Called hourly by the scheduler (as the system) and on demand.
     */
    @Transactional
    public int checkOverdue() {
        Instant now = clock.instant();
        Map<Long, Unit> all = unitMap();
        int marked = 0;
        for (DirectiveTask t : dao.newlyOverdue(today())) {
            Unit unit = all.get(t.unitId());
            Long parent = unit == null ? null : unit.parentId();
            dao.markOverdue(t.id(), now, parent);
            String parentName = parent == null || all.get(parent) == null
                    ? null
                    : all.get(parent).name();
            String unitName = unit == null ? "#" + t.unitId() : unit.name();
            String text = "Quá hạn " + DAY.format(t.deadline()) + " (" + t.progress() + "%)"
                    + (parentName == null ? "" : "; báo cáo lên " + parentName);
            dao.event(t.id(), now, "system", parent == null ? "OVERDUE" : "ESCALATED", text);
            DirectiveTask after = get(UnitScope.province(), t.id());
            audit.record("directive.task.overdue", "directive_task", t.id(), t.unitId(), t, after);
            notifications.digest("Nhiệm vụ quá hạn: " + unitName + " — mục " + t.itemNumber() + " — " + text, now);
            marked++;
        }
        return marked;
    }

    private Map<Long, Unit> unitMap() {
        return units.all(UnitScope.province()).stream().collect(Collectors.toMap(Unit::id, Function.identity()));
    }

    private DirectiveTask named(DirectiveTask t) {
        return named(List.of(t)).get(0);
    }

    List<DirectiveTask> named(List<DirectiveTask> list) {
        if (list.isEmpty()) {
            return list;
        }
        Map<Long, Unit> all = unitMap();
        return list.stream()
                .map(t -> new DirectiveTask(
                        t.id(),
                        t.directiveId(),
                        t.itemId(),
                        t.itemNumber(),
                        t.itemText(),
                        t.unitId(),
                        all.containsKey(t.unitId()) ? all.get(t.unitId()).name() : "#" + t.unitId(),
                        t.parentTaskId(),
                        t.deadline(),
                        t.status(),
                        t.workStatus(),
                        t.progress(),
                        t.note(),
                        t.rules(),
                        t.overdueSince(),
                        t.escalatedAt(),
                        t.escalatedTo(),
                        t.createdAt(),
                        t.createdBy(),
                        t.updatedAt()))
                .toList();
    }
}
