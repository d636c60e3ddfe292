package vn.khien.app.directives;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import vn.khien.app.compliance.ComplianceService;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.KhienProperties;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.reports.OfficialDocuments;
import vn.khien.app.reports.ReportService;
import vn.khien.app.reports.ReportSettings;
import vn.khien.app.web.Xlsx;
import vn.khien.core.compliance.Rule;
import vn.khien.core.document.Block;
import vn.khien.core.document.OfficialDocument;

/**
 * A unit's implementation report (báo cáo kết quả thực hiện) on a directive as an official document in the layout of
 * Decree 30/2020/NĐ-CP (DOCX, PDF) and its XLSX annex of tasks, figures and evidence. Addressed to the directive's
 * issuer and, when {@code khien.reports.issuing-body} names another body (the province's coordinating department),
 * to that body too; signed by the unit's head who approved it, or left for a hand-written name before approval. Reads only: nothing is stored
 * or audited, the report itself is the record. Limited to the caller's scope like {@link UnitReportService#find}.
 */
@Service
public class UnitReportDocuments {
    /** Unit reports use the type abbreviation alone as the symbol, as the periodic reports of units do. */
    static final String SYMBOL = "BC";

    private static final int TASK_TEXT = 160;

    private final UnitReportService reports;
    private final DirectiveService directives;
    private final DirectiveTaskService tasks;
    private final UnitService units;
    private final ComplianceService compliance;
    private final OfficialDocuments documents;
    private final ReportSettings settings;
    private final ZoneId zone;

    public UnitReportDocuments(
            UnitReportService reports,
            DirectiveService directives,
            DirectiveTaskService tasks,
            UnitService units,
            ComplianceService compliance,
            OfficialDocuments documents,
            ReportSettings settings,
            KhienProperties properties) {
        this.reports = reports;
        this.directives = directives;
        this.tasks = tasks;
        this.units = units;
        this.compliance = compliance;
        this.documents = documents;
        this.settings = settings;
        this.zone = properties.zone();
    }

    /** The unit's stored report (draft or later) of the directive as an official document; not found otherwise. */
    @PreAuthorize(DirectiveService.READERS)
    public OfficialDocument document(UnitScope scope, long directiveId, long unitId) {
        Directive d = directives.get(scope, directiveId);
        UnitReport r = report(scope, directiveId, unitId);
        return document(d, r, evidence(scope, r));
    }

    @PreAuthorize(DirectiveService.READERS)
    public byte[] docx(UnitScope scope, long directiveId, long unitId) {
        return documents.docx(document(scope, directiveId, unitId));
    }

    @PreAuthorize(DirectiveService.READERS)
    public byte[] pdf(UnitScope scope, long directiveId, long unitId) {
        return documents.pdf(document(scope, directiveId, unitId));
    }

    /** The annex: the unit's tasks, the measured rule figures and the evidence files, one sheet each. */
    @PreAuthorize(DirectiveService.READERS)
    public byte[] xlsx(UnitScope scope, long directiveId, long unitId) {
        directives.get(scope, directiveId);
        UnitReport r = report(scope, directiveId, unitId);
        List<List<@Nullable Object>> taskRows = new ArrayList<>();
        int i = 1;
        for (DirectiveTask t : r.tasks()) {
            taskRows.add(List.of(
                    i++,
                    t.itemNumber(),
                    t.itemText(),
                    day(t.deadline()),
                    t.status().vietnamese(),
                    t.progress(),
                    t.note() == null ? "" : t.note()));
        }
        Map<String, String> titles = ruleTitles();
        List<List<@Nullable Object>> figureRows = new ArrayList<>();
        for (RuleFigure f : r.figures()) {
            figureRows.add(List.of(
                    f.rule(),
                    titles.getOrDefault(f.rule(), ""),
                    f.unitName(),
                    f.compliant(),
                    f.total(),
                    f.percent() < 0 ? "" : f.percent()));
        }
        List<List<@Nullable Object>> evidenceRows = new ArrayList<>();
        for (EvidenceFile e : evidence(scope, r)) {
            evidenceRows.add(
                    List.of(e.fileName(), e.sizeBytes(), day(date(e.uploadedAt())), e.uploadedBy(), e.sha256()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Xlsx.write(
                    out,
                    List.of(
                            new Xlsx.Sheet(
                                    "Nhiệm vụ",
                                    List.of("TT", "Mục", "Nhiệm vụ", "Hạn", "Trạng thái", "Tiến độ (%)", "Ghi chú"),
                                    taskRows),
                            new Xlsx.Sheet(
                                    "Số liệu đo lường",
                                    List.of("Mã yêu cầu", "Yêu cầu", "Đơn vị", "Đạt", "Tổng", "Tỷ lệ (%)"),
                                    figureRows),
                            new Xlsx.Sheet(
                                    "Minh chứng",
                                    List.of("Tệp", "Dung lượng (byte)", "Ngày tải lên", "Người tải lên", "SHA-256"),
                                    evidenceRows)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** "bao-cao-cong-van-12-don-vi-34.pdf": ASCII, so every browser keeps it. */
    public static String fileName(long directiveId, long unitId, String extension) {
        return "bao-cao-cong-van-" + directiveId + "-don-vi-" + unitId + "." + extension;
    }

    private UnitReport report(UnitScope scope, long directiveId, long unitId) {
        return reports.find(scope, directiveId, unitId)
                .orElseThrow(
                        () -> DirectiveException.notFound("report of unit " + unitId + " on directive " + directiveId));
    }

    /** The report's own evidence, then that of the unit's tasks. */
    private List<EvidenceFile> evidence(UnitScope scope, UnitReport r) {
        Map<Long, EvidenceFile> all = new LinkedHashMap<>();
        r.evidence().forEach(e -> all.put(e.id(), e));
        for (DirectiveTask t : r.tasks()) {
            tasks.evidence(scope, t.id()).forEach(e -> all.putIfAbsent(e.id(), e));
        }
        return List.copyOf(all.values());
    }

    OfficialDocument document(Directive d, UnitReport r, List<EvidenceFile> evidence) {
        Unit unit = units.get(UnitScope.province(), r.unitId());
        Unit root = units.roots(UnitScope.province()).stream().findFirst().orElse(unit);
        String governing = unit.parentId() == null
                ? null
                : units.find(UnitScope.province(), unit.parentId())
                        .map(Unit::name)
                        .orElse(null);
        String issuer =
                blank(d.issuerBody()) ? provinceBody(root) : d.issuerBody().strip();
        String place = blank(settings.place()) ? ReportService.place(root.name()) : settings.place();
        LocalDate date = r.submittedAt() == null ? tasks.today() : date(r.submittedAt());
        String letter = letter(d);

        List<Block> body = new ArrayList<>();
        body.add(new Block.Paragraph("Thực hiện " + letter
                + (blank(d.subject())
                        ? ""
                        : " về việc " + lowerFirst(d.subject().strip()))
                + ", " + unit.name() + " báo cáo kết quả thực hiện như sau:"));
        int n = 1;
        body.add(new Block.Heading(1, n++ + ". Kết quả thực hiện"));
        List<String> paragraphs = paragraphs(r.text());
        if (paragraphs.isEmpty()) {
            body.add(new Block.Paragraph("(Đơn vị chưa nhập nội dung báo cáo.)"));
        } else {
            paragraphs.forEach(p -> body.add(new Block.Paragraph(p)));
        }
        body.add(new Block.Heading(1, n++ + ". Tiến độ các nhiệm vụ được giao"));
        if (r.tasks().isEmpty()) {
            body.add(new Block.Paragraph("Đơn vị không có nhiệm vụ được giao."));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (DirectiveTask t : r.tasks()) {
                rows.add(List.of(
                        t.itemNumber(),
                        shorten(t.itemText(), TASK_TEXT),
                        day(t.deadline()),
                        t.status().vietnamese(),
                        t.progress() + "%"));
            }
            body.add(new Block.Table(
                    "Bảng 1. Nhiệm vụ của đơn vị",
                    List.of("TT", "Nhiệm vụ", "Hạn", "Trạng thái", "Tiến độ"),
                    rows,
                    List.of(1, 7, 3, 3, 2)));
        }
        if (!r.figures().isEmpty()) {
            body.add(new Block.Heading(1, n++ + ". Số liệu đo lường tự động"));
            Map<String, String> titles = ruleTitles();
            List<List<String>> rows = new ArrayList<>();
            int i = 1;
            for (RuleFigure f : r.figures()) {
                String title = titles.get(f.rule());
                rows.add(List.of(
                        String.valueOf(i++),
                        title == null ? f.rule() : f.rule() + " — " + title,
                        f.unitName(),
                        f.compliant() + "/" + f.total(),
                        f.percent() < 0 ? "—" : f.percent() + "%"));
            }
            body.add(new Block.Table(
                    "Bảng 2. Số liệu của các yêu cầu gắn với nhiệm vụ",
                    List.of("TT", "Yêu cầu", "Đơn vị", "Đạt/Tổng", "Tỷ lệ"),
                    rows,
                    List.of(1, 7, 4, 2, 2)));
        }
        body.add(new Block.Heading(1, n + ". Tài liệu minh chứng kèm theo"));
        if (evidence.isEmpty()) {
            body.add(new Block.Paragraph("Không có tài liệu minh chứng kèm theo."));
        } else {
            List<List<String>> rows = new ArrayList<>();
            int i = 1;
            for (EvidenceFile e : evidence) {
                rows.add(List.of(String.valueOf(i++), e.fileName(), size(e.sizeBytes()), day(date(e.uploadedAt()))));
            }
            body.add(new Block.Table(
                    "Bảng " + (r.figures().isEmpty() ? 2 : 3) + ". Danh sách minh chứng",
                    List.of("TT", "Tệp", "Dung lượng", "Ngày tải lên"),
                    rows,
                    List.of(1, 9, 3, 3)));
        }
        List<String> recipients = new ArrayList<>(List.of(issuer));
        if (!blank(settings.issuingBody()) && !settings.issuingBody().strip().equalsIgnoreCase(issuer)) {
            recipients.add(settings.issuingBody().strip());
        }
        boolean approved = r.status() == ReportStatus.APPROVED;
        return new OfficialDocument(
                governing,
                unit.name(),
                null,
                SYMBOL,
                place,
                date,
                "Báo cáo",
                "V/v kết quả thực hiện " + letter,
                recipients,
                body,
                recipients,
                new OfficialDocument.Signer(null, "Thủ trưởng đơn vị", approved ? signerName(r) : ""));
    }

    /** The approving head's full name; the login only for approvals recorded before names were kept. */
    private static String signerName(UnitReport r) {
        if (r.decidedByName() != null && !r.decidedByName().isBlank()) {
            return r.decidedByName();
        }
        return r.decidedBy() == null ? "" : r.decidedBy();
    }

    /** "Công văn số 12/UBND-VX ngày 15/01/2026 của UBND tỉnh", leaving out what the directive does not say. */
    public static String letter(Directive d) {
        StringBuilder s = new StringBuilder("Công văn");
        if (d.number() != null || d.symbol() != null) {
            s.append(" số ").append(d.reference());
        }
        if (d.issuedOn() != null) {
            s.append(" ngày ").append(day(d.issuedOn()));
        }
        if (!blank(d.issuerBody())) {
            s.append(" của ").append(d.issuerBody().strip());
        }
        return s.toString();
    }

    private String provinceBody(Unit root) {
        return blank(settings.issuingBody()) ? root.name() : settings.issuingBody();
    }

    private Map<String, String> ruleTitles() {
        Map<String, String> titles = new LinkedHashMap<>();
        for (Rule rule : compliance.rules()) {
            titles.put(rule.id().code(), rule.titleVi());
        }
        return titles;
    }

    /** Paragraphs of the free text: blank lines and single line breaks both separate them. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    static String shorten(String s, int max) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, max - 1).strip() + "…";
    }

    /** "850 B", "12,5 KB", "3,2 MB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kb = bytes / 1024.0;
        if (kb < 1024) {
            return String.format(Locale.ROOT, "%.1f KB", kb).replace('.', ',');
        }
        return String.format(Locale.ROOT, "%.1f MB", kb / 1024).replace('.', ',');
    }

    private LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** "05/01/2026". */
    public static String day(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static String lowerFirst(String s) {
        if (s.regionMatches(true, 0, "V/v", 0, 3)) {
            s = s.substring(3).strip();
        }
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.forLanguageTag("vi")) + s.substring(1);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
