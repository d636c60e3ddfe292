package vn.khien.app.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.compliance.ComplianceService;
import vn.khien.app.compliance.Finding;
import vn.khien.app.compliance.FindingFilter;
import vn.khien.app.compliance.TrendPoint;
import vn.khien.app.compliance.UnitScoreView;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.Jobs;
import vn.khien.app.platform.KhienProperties;
import vn.khien.app.platform.PrivateFiles;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.reports.internal.PeriodicReport;
import vn.khien.app.reports.internal.ReportDao;
import vn.khien.app.reports.internal.ReportData;
import vn.khien.app.web.Xlsx;
import vn.khien.core.compliance.Rule;
import vn.khien.core.compliance.Score;
import vn.khien.core.document.OfficialDocument;

/**
 * Generates, stores and serves the periodic compliance reports: the province's (its root unit) and any unit's own
 * (the unit and its sub-units), as DOCX, PDF and an XLSX annex under {@code ${khien.data-dir}/reports/<id>/}. Every
 * generation is recorded in the audit trail; every read is limited to the caller's unit scope.
 */
@Service
public class ReportService {
    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    private static final int FINDINGS_PAGE = 1000;

    private final ReportDao dao;
    private final OfficialDocuments documents;
    private final ComplianceService compliance;
    private final UnitService units;
    private final ReportSettings settings;
    private final AuditTrail audit;
    private final Jobs jobs;
    private final Clock clock;
    private final KhienProperties properties;
    private final PeriodicReport generator;

    public ReportService(
            ReportDao dao,
            OfficialDocuments documents,
            ComplianceService compliance,
            UnitService units,
            ReportSettings settings,
            AuditTrail audit,
            Jobs jobs,
            Clock clock,
            KhienProperties properties,
            List<ReportSectionContributor> contributors) {
        this.dao = dao;
        this.documents = documents;
        this.compliance = compliance;
        this.units = units;
        this.settings = settings;
        this.audit = audit;
        this.jobs = jobs;
        this.clock = clock;
        this.properties = properties;
        this.generator = new PeriodicReport(contributors);
    }

    public List<Report> list(UnitScope scope) {
        return dao.list(scope, 200);
    }

    public Report get(UnitScope scope, long id) {
        return dao.find(scope, id).orElseThrow(() -> ReportException.notFound("report " + id));
    }

    /** The file of a ready report in scope. */
    public Path file(UnitScope scope, long id, ReportFormat format) {
        String rel = dao.path(scope, id, format).orElseThrow(() -> ReportException.notFound("report " + id));
        Path base = reportsDir();
        Path p = base.resolve(rel).normalize();
        if (!p.startsWith(base) || !Files.isRegularFile(p)) {
            throw ReportException.notFound("report " + id + " file");
        }
        return p;
    }

    /** "bao-cao-2026-01-T00.pdf": ASCII, so every browser keeps it. */
    public static String fileName(Report r, ReportFormat format) {
        return "bao-cao-" + r.period().from() + "_" + r.period().to() + "-" + r.id() + "." + format.extension();
    }

    /** The unit a caller's report is about when none is named: the province for province-wide callers. */
    public Unit defaultUnit(UnitScope scope) {
        return units.roots(scope).stream().findFirst().orElseThrow(() -> ReportException.notFound("unit"));
    }

    private Unit unit(UnitScope scope, @Nullable Long unitId) {
        return unitId == null
                ? defaultUnit(scope)
                : units.find(scope, unitId).orElseThrow(() -> ReportException.notFound("unit " + unitId));
    }

    /** Generates now (the API): the report of {@code unitId} (or the caller's top unit) for {@code period}. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER','UNIT_HEAD')")
    public Report generate(UnitScope scope, @Nullable Long unitId, ReportPeriod period) {
        Unit unit = unit(scope, unitId);
        long id = startRow(unit, ReportKind.ON_DEMAND, period).orElseThrow();
        return produce(scope, id, unit, period, null);
    }

    /** Generates in the background (the page): returns the job to show its progress. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER','UNIT_HEAD')")
    public Jobs.View generateInBackground(UnitScope scope, @Nullable Long unitId, ReportPeriod period) {
        Unit unit = unit(scope, unitId);
        long id = startRow(unit, ReportKind.ON_DEMAND, period).orElseThrow();
        return jobs.start("Báo cáo " + unit.name() + " " + period.vietnamese(), unit.id(), p -> {
            Report r = produce(scope, id, unit, period, p);
            p.message(r.ready() ? "Đã tạo báo cáo #" + r.id() : "Lỗi: " + r.message());
            return r;
        });
    }

    /**
     * The scheduled province report of the previous month or quarter as seen on {@code today}; empty when it
     * already exists. Runs as the system (no caller), over the whole province.
     */
    public Optional<Report> scheduled(ReportKind kind, LocalDate today) {
        ReportPeriod period =
                switch (kind) {
                    case MONTHLY -> ReportPeriod.previousMonth(today);
                    case QUARTERLY -> ReportPeriod.previousQuarter(today);
                    case ON_DEMAND -> throw ReportException.invalid("not a schedule: " + kind);
                };
        UnitScope province = UnitScope.province();
        Unit root = defaultUnit(province);
        Optional<Long> id = startRow(root, kind, period);
        return id.map(i -> produce(province, i, root, period, null));
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }

    private Optional<Long> startRow(Unit unit, ReportKind kind, ReportPeriod period) {
        String title = "Báo cáo " + PeriodicReport.subject(period).substring(4) + " — " + unit.name();
        Optional<Long> id = dao.start(unit.id(), unit.name(), kind, period, title, clock.instant(), actor());
        id.ifPresent(i -> audit.record(
                "report.generate",
                "report",
                i,
                unit.id(),
                null,
                Map.of(
                        "kind",
                        kind.name(),
                        "from",
                        period.from().toString(),
                        "to",
                        period.to().toString())));
        return id;
    }

    private Report produce(UnitScope scope, long id, Unit unit, ReportPeriod period, Jobs.@Nullable Progress p) {
        try {
            if (p != null) {
                p.total(4);
            }
            ReportData data = gather(scope, unit, period);
            Locale vi = Locale.forLanguageTag("vi");
            step(p, "Đã tổng hợp số liệu");
            OfficialDocument doc = generator.document(data, generator.contributed(scope, unit.id(), period, vi));
            Path dir = reportsDir().resolve(String.valueOf(id));
            String base = "bao-cao-" + id;
            PrivateFiles.write(dir.resolve(base + ".docx"), documents.docx(doc));
            step(p, "Đã tạo DOCX");
            PrivateFiles.write(dir.resolve(base + ".pdf"), documents.pdf(doc));
            step(p, "Đã tạo PDF");
            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            List<Xlsx.Sheet> sheets = new ArrayList<>(generator.annex(data));
            sheets.addAll(generator.contributedAnnex(scope, unit.id(), period, vi));
            Xlsx.write(xlsx, sheets);
            PrivateFiles.write(dir.resolve(base + ".xlsx"), xlsx.toByteArray());
            step(p, "Đã tạo phụ lục XLSX");
            dao.ready(
                    id,
                    id + "/" + base + ".docx",
                    id + "/" + base + ".pdf",
                    id + "/" + base + ".xlsx",
                    clock.instant());
        } catch (IOException | RuntimeException e) {
            log.warn("Report {} for unit {} failed", id, unit.id(), e);
            dao.failed(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), clock.instant());
            audit.record(
                    "report.failed",
                    "report",
                    id,
                    unit.id(),
                    null,
                    Map.of("error", e.getClass().getSimpleName()));
        }
        return dao.find(UnitScope.province(), id).orElseThrow();
    }

    private static void step(Jobs.@Nullable Progress p, String message) {
        if (p != null) {
            p.advance(1);
            p.message(message);
        }
    }

    /** Reads the figures of {@code unit}'s subtree within {@code scope}. */
    ReportData gather(UnitScope scope, Unit unit, ReportPeriod period) {
        Set<Long> subtree = new HashSet<>(units.subtreeIds(unit.id()));
        subtree.removeIf(u -> !scope.allows(u));
        List<Unit> below = units.all(scope).stream()
                .filter(u -> subtree.contains(u.id()) && u.id() != unit.id())
                .toList();
        Map<Long, UnitScoreView> scores = new HashMap<>();
        for (UnitScoreView v : compliance.scores(scope)) {
            if (subtree.contains(v.unitId())) {
                scores.put(v.unitId(), v);
            }
        }
        UnitScoreView own = scores.get(unit.id());
        Map<Long, ReportData.FindingCounts> direct = findings(scope, subtree, period);
        Map<Long, List<Long>> children = new HashMap<>();
        for (Unit u : below) {
            if (u.parentId() != null) {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u.id());
            }
        }
        List<ReportData.UnitLine> lines = new ArrayList<>();
        for (Unit u : below) {
            UnitScoreView v = scores.get(u.id());
            lines.add(new ReportData.UnitLine(
                    u.id(),
                    u.code(),
                    u.name(),
                    v == null ? Score.EMPTY : v.overall(),
                    v == null ? Map.of() : v.perRule(),
                    sum(u.id(), children, direct)));
        }
        List<ReportData.RuleLine> rules = new ArrayList<>();
        for (Rule r : compliance.rules()) {
            rules.add(new ReportData.RuleLine(
                    r.id().code(), r.titleVi(), r.severity().name()));
        }
        Double atStart = null;
        long days = ChronoUnit.DAYS.between(period.from(), today()) + 1;
        if (days > 0 && days <= 366) {
            for (TrendPoint t : compliance.trend(scope, unit.id(), "OVERALL", (int) days)) {
                if (!t.day().isBefore(period.from()) && !t.day().isAfter(period.to()) && t.total() > 0) {
                    atStart = t.percent();
                    break;
                }
            }
        }
        ReportData.FindingCounts total =
                direct.values().stream().reduce(ReportData.FindingCounts.NONE, ReportData.FindingCounts::plus);
        return new ReportData(
                header(unit),
                unit.name(),
                period,
                own == null ? null : own.day(),
                own == null ? Score.EMPTY : own.overall(),
                own == null ? Map.of() : own.perRule(),
                atStart,
                lines,
                rules,
                total);
    }

    private static ReportData.FindingCounts sum(
            long id, Map<Long, List<Long>> children, Map<Long, ReportData.FindingCounts> direct) {
        ReportData.FindingCounts c = direct.getOrDefault(id, ReportData.FindingCounts.NONE);
        for (long child : children.getOrDefault(id, List.of())) {
            c = c.plus(sum(child, children, direct));
        }
        return c;
    }

    /** Counts findings per unit (directly owned): open, open critical/high, opened and resolved in the period. */
    private Map<Long, ReportData.FindingCounts> findings(UnitScope scope, Set<Long> subtree, ReportPeriod period) {
        Map<Long, ReportData.FindingCounts> counts = new HashMap<>();
        var zone = properties.zone();
        for (int offset = 0; ; offset += FINDINGS_PAGE) {
            List<Finding> page = compliance.findings(scope, FindingFilter.none(), FINDINGS_PAGE, offset);
            for (Finding f : page) {
                if (f.unitId() == null || !subtree.contains(f.unitId())) {
                    continue;
                }
                boolean open = "OPEN".equals(f.status()) && !f.exempted();
                boolean severe = open && ("CRITICAL".equals(f.severity()) || "HIGH".equals(f.severity()));
                LocalDate first = LocalDate.ofInstant(f.firstSeen(), zone);
                boolean opened = !first.isBefore(period.from()) && !first.isAfter(period.to());
                boolean resolved = f.resolvedAt() != null
                        && !LocalDate.ofInstant(f.resolvedAt(), zone).isBefore(period.from())
                        && !LocalDate.ofInstant(f.resolvedAt(), zone).isAfter(period.to());
                counts.merge(
                        f.unitId(),
                        new ReportData.FindingCounts(open ? 1 : 0, severe ? 1 : 0, opened ? 1 : 0, resolved ? 1 : 0),
                        ReportData.FindingCounts::plus);
            }
            if (page.size() < FINDINGS_PAGE) {
                return counts;
            }
        }
    }

    private ReportData.Header header(Unit unit) {
        Unit root = defaultUnit(UnitScope.province());
        String provinceBody = blank(settings.issuingBody()) ? root.name() : settings.issuingBody();
        String place = blank(settings.place()) ? place(root.name()) : settings.place();
        String signerName = settings.signerName() == null ? "" : settings.signerName();
        if (unit.parentId() == null) {
            return new ReportData.Header(
                    blank(settings.governingBody()) ? null : settings.governingBody(),
                    provinceBody,
                    settings.symbol(),
                    place,
                    today(),
                    settings.recipients(),
                    settings.cc(),
                    new OfficialDocument.Signer(
                            blank(settings.signerAuthority()) ? null : settings.signerAuthority(),
                            settings.signerPosition(),
                            signerName));
        }
        String parent = units.find(UnitScope.province(), unit.parentId())
                .map(Unit::name)
                .orElse(null);
        return new ReportData.Header(
                parent,
                unit.name(),
                "BC",
                place,
                today(),
                List.of(provinceBody),
                List.of("Như trên"),
                new OfficialDocument.Signer(null, "Thủ trưởng đơn vị", ""));
    }

    /** "UBND Tỉnh Demo" → "Demo": the địa danh of the date line. */
    public static String place(String rootName) {
        String s = rootName.strip();
        for (String prefix : List.of("Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND")) {
            if (s.regionMatches(true, 0, prefix, 0, prefix.length())) {
                s = s.substring(prefix.length()).strip();
            }
        }
        for (String prefix : List.of("tỉnh", "thành phố", "TP.")) {
            if (s.regionMatches(true, 0, prefix, 0, prefix.length())) {
                s = s.substring(prefix.length()).strip();
            }
        }
        return s.isEmpty() ? rootName : s;
    }

    private Path reportsDir() {
        return properties.dataDir().resolve("reports").toAbsolutePath().normalize();
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String actor() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }
}
