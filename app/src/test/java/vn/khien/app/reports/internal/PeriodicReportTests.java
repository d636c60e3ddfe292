package vn.khien.app.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.reports.ReportPeriod;
import vn.khien.app.reports.ReportSectionContributor;
import vn.khien.app.web.Xlsx;
import vn.khien.core.compliance.Score;
import vn.khien.core.document.Block;
import vn.khien.core.document.OfficialDocument;

class PeriodicReportTests {
    static final ReportPeriod JANUARY = new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));

    static ReportData data() {
        return new ReportData(
                new ReportData.Header(
                        null,
                        "Sở Khoa học và Công nghệ",
                        "BC-SKHCN",
                        "Hà Tĩnh",
                        LocalDate.of(2026, 2, 1),
                        List.of("Ủy ban nhân dân tỉnh"),
                        List.of("Như trên"),
                        new OfficialDocument.Signer("KT.", "Giám đốc", "Nguyễn Văn A")),
                "UBND tỉnh Hà Tĩnh",
                JANUARY,
                LocalDate.of(2026, 1, 31),
                new Score(150, 200),
                Map.of("AV", new Score(90, 100), "PATCH", new Score(60, 100)),
                70.0,
                List.of(
                        new ReportData.UnitLine(
                                1,
                                "X-BA",
                                "Xã Bình An",
                                new Score(20, 50),
                                Map.of("AV", new Score(10, 25)),
                                new ReportData.FindingCounts(30, 4, 10, 2)),
                        new ReportData.UnitLine(
                                2,
                                "S-YT",
                                "Sở Y tế",
                                new Score(130, 150),
                                Map.of(),
                                new ReportData.FindingCounts(20, 1, 5, 9)),
                        new ReportData.UnitLine(
                                3, "X-HP", "Xã Hòa Phú", Score.EMPTY, Map.of(), ReportData.FindingCounts.NONE)),
                List.of(
                        new ReportData.RuleLine("AV", "Máy tính có phần mềm phòng chống mã độc", "HIGH"),
                        new ReportData.RuleLine("PATCH", "Cập nhật bản vá", "HIGH")),
                new ReportData.FindingCounts(50, 5, 15, 11));
    }

    record Fixed(int order, String text) implements ReportSectionContributor {
        @Override
        public List<Block> sections(UnitScope scope, long unitId, LocalDate from, LocalDate to, Locale locale) {
            return text.isEmpty()
                    ? List.of()
                    : List.of(new Block.Heading(1, text), new Block.Paragraph(from + "→" + to));
        }

        @Override
        public List<Xlsx.Sheet> annex(UnitScope scope, long unitId, LocalDate from, LocalDate to, Locale locale) {
            return text.isEmpty() ? List.of() : List.of(new Xlsx.Sheet(text, List.of("from"), List.of(List.of(from))));
        }
    }

    @Test
    void contributedAnnexSheetsComeInContributorOrder() {
        PeriodicReport report = new PeriodicReport(List.of(new Fixed(200, "B"), new Fixed(50, "A"), new Fixed(10, "")));
        assertThat(report.contributedAnnex(UnitScope.province(), 1, JANUARY, Locale.ROOT))
                .extracting(Xlsx.Sheet::name)
                .containsExactly("A", "B");
    }

    @Test
    void contributedSectionsComeInOrderBeforeTheProposals() {
        PeriodicReport report = new PeriodicReport(
                List.of(new Fixed(200, "Nhiệm vụ theo văn bản chỉ đạo"), new Fixed(50, "Sự cố"), new Fixed(10, "")));
        List<Block> contributed = report.contributed(UnitScope.province(), 1, JANUARY, Locale.forLanguageTag("vi"));
        assertThat(contributed)
                .containsExactly(
                        new Block.Heading(1, "Sự cố"),
                        new Block.Paragraph("2026-01-01→2026-01-31"),
                        new Block.Heading(1, "Nhiệm vụ theo văn bản chỉ đạo"),
                        new Block.Paragraph("2026-01-01→2026-01-31"));
        OfficialDocument doc = report.document(data(), contributed);
        List<String> headings = new ArrayList<>();
        doc.body().forEach(b -> {
            if (b instanceof Block.Heading h) {
                headings.add(h.text());
            }
        });
        assertThat(headings)
                .containsExactly(
                        "1. Tình hình chung",
                        "2. Kết quả theo đơn vị",
                        "3. Kết quả theo từng yêu cầu",
                        "4. Sự cố",
                        "5. Nhiệm vụ theo văn bản chỉ đạo",
                        "6. Đề xuất, kiến nghị");
    }

    @Test
    void noContributorsIsFine() {
        PeriodicReport report = new PeriodicReport(List.of());
        assertThat(report.contributed(UnitScope.province(), 1, JANUARY, Locale.ROOT))
                .isEmpty();
        assertThat(report.document(data(), List.of()).body()).isNotEmpty();
    }

    @Test
    void documentStatesTheMeasuredFiguresAndRanksUnits() {
        OfficialDocument doc = new PeriodicReport(List.of()).document(data(), List.of());
        assertThat(doc.type()).isEqualTo("Báo cáo");
        assertThat(doc.subjectLine())
                .isEqualTo("V/v kết quả thực hiện các yêu cầu bảo đảm an toàn thông tin tháng 01/2026");
        assertThat(doc.number()).isNull();
        Block.Paragraph summary = (Block.Paragraph) doc.body().get(1);
        assertThat(summary.text())
                .contains("đến ngày 31/01/2026, điểm tuân thủ chung đạt 75,0% (150/200 lượt kiểm tra đạt yêu cầu)")
                .contains("tăng 5,0 điểm phần trăm so với đầu kỳ (70,0%)")
                .contains("2 đơn vị có số liệu, trong đó 1 đơn vị dưới 50%");
        assertThat(((Block.Paragraph) doc.body().get(2)).text())
                .isEqualTo("Hiện còn 50 phát hiện chưa khắc phục, trong đó 5 phát hiện mức nghiêm trọng hoặc cao;"
                        + " trong kỳ phát sinh mới 15 phát hiện và đã khắc phục 11 phát hiện.");
        Block.Table units = doc.body().stream()
                .filter(b -> b instanceof Block.Table)
                .map(b -> (Block.Table) b)
                .findFirst()
                .orElseThrow();
        assertThat(units.rows().stream().map(r -> r.get(1)).toList())
                .containsExactly("Sở Y tế", "Xã Bình An", "Xã Hòa Phú");
        assertThat(units.rows().get(0)).containsExactly("1", "Sở Y tế", "86,7", "130/150", "20");
        assertThat(units.rows().get(2).get(2)).isEqualTo("—");
        Block.BarChart chart = doc.body().stream()
                .filter(b -> b instanceof Block.BarChart)
                .map(b -> (Block.BarChart) b)
                .findFirst()
                .orElseThrow();
        assertThat(chart.categories()).containsExactly("Sở Y tế", "Xã Bình An");
        assertThat(chart.series().get("Điểm (%)")).containsExactly(86.7, 40.0);
        assertThat(((Block.Paragraph) doc.body().get(doc.body().size() - 1)).text())
                .startsWith("Đề nghị Xã Bình An khẩn trương khắc phục");
    }

    @Test
    void annexHoldsScoresRulesAndFindings() {
        List<Xlsx.Sheet> sheets = new PeriodicReport(List.of()).annex(data());
        assertThat(sheets)
                .extracting(Xlsx.Sheet::name)
                .containsExactly("Điểm theo đơn vị", "Theo yêu cầu", "Phát hiện");
        assertThat(sheets.get(0).header())
                .containsExactly("Mã đơn vị", "Đơn vị", "Điểm (%)", "Đạt", "Tổng", "AV (%)", "PATCH (%)");
        assertThat(sheets.get(0).rows().get(1)).containsExactly("X-BA", "Xã Bình An", 40.0, 20L, 50L, 40.0, null);
        assertThat(sheets.get(1).rows().get(1)).containsExactly("PATCH", "Cập nhật bản vá", "HIGH", 60L, 100L, 60.0);
        assertThat(sheets.get(2).rows().get(1)).containsExactly("X-BA", "Xã Bình An", 30L, 4L, 10L, 2L);
    }
}
