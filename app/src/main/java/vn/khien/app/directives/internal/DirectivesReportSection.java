package vn.khien.app.directives.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.khien.app.directives.Directive;
import vn.khien.app.directives.DirectiveProgress;
import vn.khien.app.directives.Overview;
import vn.khien.app.directives.UnitReportDocuments;
import vn.khien.app.directives.UnitReportService;
import vn.khien.app.platform.KhienProperties;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.reports.ReportSectionContributor;
import vn.khien.app.web.Xlsx;
import vn.khien.core.document.Block;

/**
 * The section "Kết quả thực hiện các văn bản chỉ đạo" of the periodic report: for each active directive with tasks in
 * the report unit's subtree, its reference and subject, a table of units × tasks done, overdue tasks and report
 * status, and how many units have reported; the same rows in a sheet of the XLSX annex. Always in Vietnamese, the
 * language of official documents.
 */
@Component
class DirectivesReportSection implements ReportSectionContributor {
    static final String TITLE = "Kết quả thực hiện các văn bản chỉ đạo";

    private final UnitReportService reports;
    private final ZoneId zone;

    DirectivesReportSection(UnitReportService reports, KhienProperties properties) {
        this.reports = reports;
        this.zone = properties.zone();
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<Block> sections(UnitScope scope, long unitId, LocalDate from, LocalDate to, Locale locale) {
        List<DirectiveProgress> all = reports.progress(scope, unitId, to);
        if (all.isEmpty()) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(1, TITLE));
        int reported = 0;
        int units = 0;
        for (DirectiveProgress p : all) {
            Directive d = p.directive();
            Overview o = p.overview();
            blocks.add(new Block.Heading(
                    2,
                    UnitReportDocuments.letter(d)
                            + (d.subject() == null || d.subject().isBlank()
                                    ? ""
                                    : " — " + d.subject().strip())));
            List<List<String>> rows = new ArrayList<>();
            int i = 1;
            for (Overview.Row r : o.rows()) {
                rows.add(List.of(
                        String.valueOf(i++),
                        r.unitName(),
                        r.tasksDone() + "/" + r.tasksTotal(),
                        String.valueOf(r.overdue()),
                        r.reportStatus().vietnamese(),
                        r.submittedAt() == null ? "" : day(r.submittedAt())));
            }
            blocks.add(new Block.Table(
                    "Tình hình thực hiện theo đơn vị",
                    List.of("TT", "Đơn vị", "Hoàn thành/Tổng", "Quá hạn", "Báo cáo", "Ngày gửi"),
                    rows,
                    List.of(1, 6, 3, 2, 4, 3)));
            blocks.add(new Block.Paragraph(o.reported() + "/" + o.units() + " đơn vị đã báo cáo."));
            reported += o.reported();
            units += o.units();
        }
        if (all.size() > 1) {
            blocks.add(new Block.Paragraph("Tổng cộng " + all.size() + " văn bản chỉ đạo; " + reported + "/" + units
                    + " lượt đơn vị đã báo cáo."));
        }
        return blocks;
    }

    @Override
    public List<Xlsx.Sheet> annex(UnitScope scope, long unitId, LocalDate from, LocalDate to, Locale locale) {
        List<DirectiveProgress> all = reports.progress(scope, unitId, to);
        if (all.isEmpty()) {
            return List.of();
        }
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (DirectiveProgress p : all) {
            Directive d = p.directive();
            for (Overview.Row r : p.overview().rows()) {
                rows.add(List.of(
                        d.reference(),
                        d.issuedOn() == null ? "" : UnitReportDocuments.day(d.issuedOn()),
                        d.subject() == null ? "" : d.subject(),
                        r.unitName(),
                        r.tasksDone(),
                        r.tasksTotal(),
                        r.overdue(),
                        r.reportStatus().vietnamese(),
                        r.submittedAt() == null ? "" : day(r.submittedAt())));
            }
        }
        return List.of(new Xlsx.Sheet(
                "Văn bản chỉ đạo",
                List.of(
                        "Số, ký hiệu",
                        "Ngày ban hành",
                        "Trích yếu",
                        "Đơn vị",
                        "Nhiệm vụ hoàn thành",
                        "Tổng nhiệm vụ",
                        "Quá hạn",
                        "Báo cáo",
                        "Ngày gửi"),
                rows));
    }

    private String day(Instant at) {
        return UnitReportDocuments.day(LocalDate.ofInstant(at, zone));
    }
}
