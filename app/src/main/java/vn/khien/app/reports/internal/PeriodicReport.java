package vn.khien.app.reports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.reports.ReportPeriod;
import vn.khien.app.reports.ReportSectionContributor;
import vn.khien.app.web.Xlsx;
import vn.khien.core.compliance.Score;
import vn.khien.core.document.Block;
import vn.khien.core.document.OfficialDocument;

/**
 * Writes the periodic compliance report (báo cáo định kỳ) from {@link ReportData}: a summary with the measured
 * figures, units ranked by score (table and chart), the pass ratio per rule, the sections other modules contribute,
 * and proposals; and the XLSX annex of the same figures. Pure: no database, no Spring.
 */
public final class PeriodicReport {
    /** Units scoring below this percent are named in the proposals. */
    static final double WEAK = 50;

    /** At most this many units are drawn in the chart (the lowest scores, where attention is needed). */
    static final int CHART_UNITS = 25;

    private final List<ReportSectionContributor> contributors;

    public PeriodicReport(List<ReportSectionContributor> contributors) {
        this.contributors = contributors.stream()
                .sorted(Comparator.comparingInt(ReportSectionContributor::order))
                .toList();
    }

    /** The blocks of every contributor for the unit and period, contributors ordered by {@link ReportSectionContributor#order()}. */
    public List<Block> contributed(UnitScope scope, long unitId, ReportPeriod period, Locale locale) {
        List<Block> blocks = new ArrayList<>();
        for (ReportSectionContributor c : contributors) {
            blocks.addAll(c.sections(scope, unitId, period.from(), period.to(), locale));
        }
        return blocks;
    }

    /** The annex sheets of every contributor, in the same order as their sections. */
    public List<Xlsx.Sheet> contributedAnnex(UnitScope scope, long unitId, ReportPeriod period, Locale locale) {
        List<Xlsx.Sheet> sheets = new ArrayList<>();
        for (ReportSectionContributor c : contributors) {
            sheets.addAll(c.annex(scope, unitId, period.from(), period.to(), locale));
        }
        return sheets;
    }

    /** The subject line ("V/v kết quả … tháng 01/2026"). */
    public static String subject(ReportPeriod period) {
        return "V/v kết quả thực hiện các yêu cầu bảo đảm an toàn thông tin " + period.vietnamese();
    }

    public OfficialDocument document(ReportData d, List<Block> contributed) {
        List<Block> body = new ArrayList<>();
        int n = 1;
        body.add(new Block.Heading(1, n++ + ". Tình hình chung"));
        body.add(new Block.Paragraph(summary(d)));
        body.add(new Block.Paragraph(findingsSentence(d)));
        List<ReportData.UnitLine> ranked = ranked(d.units());
        if (!ranked.isEmpty()) {
            body.add(new Block.Heading(1, n++ + ". Kết quả theo đơn vị"));
            body.add(new Block.Paragraph("Điểm tuân thủ của từng đơn vị (tính trên đơn vị và các đơn vị trực thuộc),"
                    + " xếp từ cao xuống thấp:"));
            List<List<String>> rows = new ArrayList<>();
            int rank = 1;
            for (ReportData.UnitLine u : ranked) {
                rows.add(List.of(
                        String.valueOf(rank++),
                        u.name(),
                        percent(u.overall()),
                        u.overall().compliant() + "/" + u.overall().total(),
                        String.valueOf(u.findings().open())));
            }
            body.add(new Block.Table(
                    "Bảng 1. Điểm tuân thủ theo đơn vị",
                    List.of("TT", "Đơn vị", "Điểm (%)", "Đạt/Tổng", "Phát hiện mở"),
                    rows,
                    List.of(1, 7, 2, 2, 2)));
            List<ReportData.UnitLine> charted =
                    ranked.stream().filter(u -> u.overall().total() > 0).toList();
            String chartCaption = "Biểu đồ 1. Điểm tuân thủ theo đơn vị (%)";
            if (charted.size() > CHART_UNITS) {
                charted = charted.subList(charted.size() - CHART_UNITS, charted.size());
                chartCaption += ", " + CHART_UNITS + " đơn vị có điểm thấp nhất";
            }
            if (!charted.isEmpty()) {
                Map<String, List<Double>> series = new LinkedHashMap<>();
                series.put(
                        "Điểm (%)",
                        charted.stream().map(u -> round(pct(u.overall()))).toList());
                body.add(new Block.BarChart(
                        chartCaption,
                        charted.stream().map(ReportData.UnitLine::name).toList(),
                        series));
            }
        }
        if (!d.rules().isEmpty()) {
            body.add(new Block.Heading(1, n++ + ". Kết quả theo từng yêu cầu"));
            List<List<String>> rows = new ArrayList<>();
            int i = 1;
            for (ReportData.RuleLine r : d.rules()) {
                Score s = d.perRule().getOrDefault(r.code(), Score.EMPTY);
                rows.add(
                        List.of(String.valueOf(i++), r.code(), r.title(), s.compliant() + "/" + s.total(), percent(s)));
            }
            body.add(new Block.Table(
                    "Bảng 2. Tỷ lệ đạt theo yêu cầu",
                    List.of("TT", "Mã", "Yêu cầu", "Đạt/Tổng", "Tỷ lệ (%)"),
                    rows,
                    List.of(1, 3, 7, 2, 2)));
        }
        for (Block b : contributed) {
            body.add(b instanceof Block.Heading h && h.level() == 1 ? new Block.Heading(1, n++ + ". " + h.text()) : b);
        }
        body.add(new Block.Heading(1, n + ". Đề xuất, kiến nghị"));
        body.add(new Block.Paragraph(proposals(d, ranked)));
        ReportData.Header h = d.header();
        return new OfficialDocument(
                h.governingBody(),
                h.issuingBody(),
                null,
                h.symbol(),
                h.place(),
                h.date(),
                "Báo cáo",
                subject(d.period()),
                h.recipients(),
                body,
                h.cc(),
                h.signer());
    }

    private static String summary(ReportData d) {
        StringBuilder s = new StringBuilder();
        String issuer = d.header().issuingBody();
        s.append(issuer)
                .append(" báo cáo kết quả thực hiện các yêu cầu bảo đảm an toàn thông tin ")
                .append(d.period().vietnamese())
                .append(
                        issuer.equals(d.unitName())
                                ? " của các cơ quan, đơn vị trực thuộc"
                                : " của " + d.unitName() + " và các đơn vị trực thuộc")
                .append(". ");
        if (d.measuredOn() == null || d.overall().total() == 0) {
            return s.append("Trong kỳ chưa có số liệu đo lường tuân thủ.").toString();
        }
        s.append("Theo số liệu đo lường tự động đến ngày ")
                .append(day(d.measuredOn()))
                .append(", điểm tuân thủ chung đạt ")
                .append(percent(d.overall()))
                .append("% (")
                .append(d.overall().compliant())
                .append("/")
                .append(d.overall().total())
                .append(" lượt kiểm tra đạt yêu cầu)");
        if (d.overallAtStart() != null) {
            double delta = pct(d.overall()) - d.overallAtStart();
            s.append(", ")
                    .append(delta >= 0 ? "tăng " : "giảm ")
                    .append(one(Math.abs(delta)))
                    .append(" điểm phần trăm so với đầu kỳ (")
                    .append(one(d.overallAtStart()))
                    .append("%)");
        }
        long scored = d.units().stream().filter(u -> u.overall().total() > 0).count();
        long weak = d.units().stream()
                .filter(u -> u.overall().total() > 0 && pct(u.overall()) < WEAK)
                .count();
        s.append("; ")
                .append(scored)
                .append(" đơn vị có số liệu, trong đó ")
                .append(weak)
                .append(" đơn vị dưới ")
                .append((int) WEAK)
                .append("%.");
        return s.toString();
    }

    private static String findingsSentence(ReportData d) {
        ReportData.FindingCounts f = d.findings();
        return "Hiện còn " + f.open() + " phát hiện chưa khắc phục, trong đó " + f.openSevere()
                + " phát hiện mức nghiêm trọng hoặc cao; trong kỳ phát sinh mới " + f.newInPeriod()
                + " phát hiện và đã khắc phục " + f.resolvedInPeriod() + " phát hiện.";
    }

    private static String proposals(ReportData d, List<ReportData.UnitLine> ranked) {
        List<String> weak = ranked.stream()
                .filter(u -> u.overall().total() > 0 && pct(u.overall()) < WEAK)
                .map(ReportData.UnitLine::name)
                .toList();
        if (weak.isEmpty()) {
            return "Đề nghị các đơn vị tiếp tục duy trì và khắc phục dứt điểm các phát hiện còn tồn tại.";
        }
        return "Đề nghị " + String.join(", ", weak) + " khẩn trương khắc phục các phát hiện còn tồn tại, báo cáo kết"
                + " quả trước ngày " + day(d.header().date().plusDays(15)) + ".";
    }

    /** The XLSX annex: scores per unit × rule, pass ratio per rule, finding counts per unit. */
    public List<Xlsx.Sheet> annex(ReportData d) {
        List<ReportData.UnitLine> ranked = ranked(d.units());
        List<String> head = new ArrayList<>(List.of("Mã đơn vị", "Đơn vị", "Điểm (%)", "Đạt", "Tổng"));
        d.rules().forEach(r -> head.add(r.code() + " (%)"));
        List<List<@Nullable Object>> scores = new ArrayList<>();
        for (ReportData.UnitLine u : ranked) {
            List<@Nullable Object> row = new ArrayList<>();
            row.add(u.code());
            row.add(u.name());
            row.add(value(u.overall()));
            row.add(u.overall().compliant());
            row.add(u.overall().total());
            for (ReportData.RuleLine r : d.rules()) {
                row.add(value(u.perRule().getOrDefault(r.code(), Score.EMPTY)));
            }
            scores.add(row);
        }
        List<List<@Nullable Object>> rules = new ArrayList<>();
        for (ReportData.RuleLine r : d.rules()) {
            Score s = d.perRule().getOrDefault(r.code(), Score.EMPTY);
            rules.add(List.of(r.code(), r.title(), r.severity(), s.compliant(), s.total(), valueOrBlank(s)));
        }
        List<List<@Nullable Object>> findings = new ArrayList<>();
        for (ReportData.UnitLine u : ranked) {
            ReportData.FindingCounts f = u.findings();
            findings.add(List.of(u.code(), u.name(), f.open(), f.openSevere(), f.newInPeriod(), f.resolvedInPeriod()));
        }
        return List.of(
                new Xlsx.Sheet("Điểm theo đơn vị", head, scores),
                new Xlsx.Sheet("Theo yêu cầu", List.of("Mã", "Yêu cầu", "Mức độ", "Đạt", "Tổng", "Tỷ lệ (%)"), rules),
                new Xlsx.Sheet(
                        "Phát hiện",
                        List.of(
                                "Mã đơn vị",
                                "Đơn vị",
                                "Đang mở",
                                "Mở, nghiêm trọng/cao",
                                "Mới trong kỳ",
                                "Khắc phục trong kỳ"),
                        findings));
    }

    static List<ReportData.UnitLine> ranked(List<ReportData.UnitLine> units) {
        return units.stream()
                .sorted(Comparator.comparingDouble(
                                (ReportData.UnitLine u) -> u.overall().total() == 0 ? -1 : pct(u.overall()))
                        .reversed()
                        .thenComparing(ReportData.UnitLine::name))
                .toList();
    }

    private static @Nullable Object value(Score s) {
        OptionalDouble p = s.percent();
        return p.isPresent() ? round(p.getAsDouble()) : null;
    }

    private static Object valueOrBlank(Score s) {
        Object v = value(s);
        return v == null ? "" : v;
    }

    static double pct(Score s) {
        return s.percent().orElse(0);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** "85,3" or "—" when nothing applies. */
    static String percent(Score s) {
        OptionalDouble p = s.percent();
        return p.isPresent() ? one(p.getAsDouble()) : "—";
    }

    static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", round(v)).replace('.', ',');
    }

    static String day(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
}
