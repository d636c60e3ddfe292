package vn.khien.app.incidents.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.khien.app.incidents.Deadline;
import vn.khien.app.incidents.Incident;
import vn.khien.app.incidents.IncidentTask;
import vn.khien.app.incidents.InitialReportForm;
import vn.khien.app.platform.KhienProperties;

/** Fills the initial (form 03) and final (form 04) incident reports from an incident record. */
@Component
public class IncidentReports {
    private static final List<String> RECIPIENTS = List.of(
            "Công an tỉnh (Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao - PA05)",
            "Đội ứng cứu sự cố an toàn thông tin mạng của tỉnh");

    private final ZoneId zone;

    public IncidentReports(KhienProperties properties) {
        this.zone = properties.zone();
    }

    /** The initial report: every field of form 03. */
    public byte[] initial(Incident i, String parentBody, String place, LocalDate date, List<Deadline> deadlines) {
        InitialReportForm f = i.form();
        List<ReportDocx.Item> items = new ArrayList<>();
        items.add(new ReportDocx.Item(
                "Thông tin đơn vị báo cáo",
                List.of(
                        "Tên tổ chức/cá nhân báo cáo: " + or(f.organisation(), i.unitName()),
                        "Địa chỉ: " + or(f.address()),
                        "Điện thoại: " + or(f.phone()) + "; Thư điện tử: " + or(f.email()),
                        "Người liên hệ: " + or(f.contactPerson()),
                        "Đơn vị vận hành hệ thống: " + or(f.operator()) + "; Chủ quản hệ thống: " + or(f.owner()))));
        items.add(new ReportDocx.Item(
                "Thông tin hệ thống bị sự cố",
                List.of(
                        "Tên hệ thống: " + or(f.systemName(), i.affected()),
                        "Tên miền: " + or(f.domains()) + "; Địa chỉ IP: " + or(f.ips(), i.affectedIds()),
                        "Cấp độ an toàn hệ thống thông tin: " + or(f.securityLevel()),
                        "Nhà cung cấp dịch vụ an toàn thông tin, kết nối: " + or(f.providers()),
                        "Hệ điều hành: " + or(f.operatingSystem()),
                        "Dịch vụ bị ảnh hưởng (web, thư điện tử, cơ sở dữ liệu, khác): " + or(f.affectedServices()),
                        "Biện pháp bảo vệ đang áp dụng (phòng chống mã độc, tường lửa, IDS, khác): "
                                + or(f.measures()))));
        items.add(new ReportDocx.Item(
                "Thông tin sự cố",
                List.of(
                        "Mã sự cố: " + i.code() + " — " + i.title(),
                        "Loại sự cố: " + i.category().vietnamese() + "; Mức độ: "
                                + i.severity().vietnamese(),
                        "Mô tả tóm tắt: " + or(i.summary()),
                        "Thời điểm phát hiện: " + ReportDocx.when(i.discoveredAt(), zone),
                        "Tình trạng: " + (f.handled() ? "Đã xử lý" : "Chưa xử lý") + " ("
                                + i.status().vietnamese() + ")",
                        "Cách phát hiện (IDS, kiểm tra nhật ký, được thông báo, khác): " + or(f.howDetected()),
                        "Dấu hiệu nhận biết (IOC): " + or(i.indicators()),
                        "Đã thông báo cho: " + or(f.alreadyNotified()))));
        items.add(new ReportDocx.Item(
                "Thông tin gửi kèm và đề nghị",
                List.of(
                        "Tài liệu gửi kèm (nhật ký, mẫu mã độc, khác): " + or(f.attachments()),
                        "Thông tin cần giữ bí mật: " + (f.confidential() ? "Có" : "Không"),
                        "Đề nghị hỗ trợ: " + or(f.supportRequested()),
                        "Thời hạn báo cáo (" + i.regimeId() + ", bộ quy tắc " + i.packVersion() + "): "
                                + deadlines.stream()
                                        .map(d -> d.label() + " — " + ReportDocx.when(d.due(), zone))
                                        .reduce((a, b) -> a + "; " + b)
                                        .orElse("…"),
                        "Thời gian báo cáo: " + ReportDocx.when(i.reportedAt(), zone))));
        return ReportDocx.write(letter(
                i,
                parentBody,
                place,
                date,
                "BÁO CÁO BAN ĐẦU SỰ CỐ AN TOÀN THÔNG TIN MẠNG",
                "báo cáo ban đầu sự cố " + i.code(),
                items,
                f));
    }

    /** The final report: what happened, what was done, lessons learned. */
    public byte[] fin(Incident i, String parentBody, String place, LocalDate date, List<IncidentTask> tasks) {
        List<ReportDocx.Item> items = new ArrayList<>();
        items.add(new ReportDocx.Item(
                "Thông tin sự cố",
                List.of(
                        "Mã sự cố: " + i.code() + " — " + i.title(),
                        "Đơn vị: " + i.unitName(),
                        "Loại sự cố: " + i.category().vietnamese() + "; Mức độ: "
                                + i.severity().vietnamese(),
                        "Thời điểm phát hiện: " + ReportDocx.when(i.discoveredAt(), zone),
                        "Hệ thống, thiết bị, tài khoản bị ảnh hưởng: " + or(i.affected()) + " "
                                + or(i.affectedIds(), ""),
                        "Mô tả: " + or(i.summary()))));
        List<String> done = new ArrayList<>();
        for (IncidentTask t : tasks) {
            done.add("[" + t.phase().vietnamese() + "] " + t.title() + " — " + or(t.owner()) + " — "
                    + (t.done() ? "đã hoàn thành" : "chưa hoàn thành"));
        }
        if (done.isEmpty()) {
            done.add("…");
        }
        items.add(new ReportDocx.Item("Kết quả xử lý, ứng cứu", done));
        items.add(new ReportDocx.Item(
                "Tình trạng và bài học kinh nghiệm",
                List.of("Tình trạng: " + i.status().vietnamese(), "Bài học kinh nghiệm: " + or(i.lessonsLearned()))));
        return ReportDocx.write(letter(
                i,
                parentBody,
                place,
                date,
                "BÁO CÁO KẾT THÚC ỨNG CỨU SỰ CỐ AN TOÀN THÔNG TIN MẠNG",
                "báo cáo kết thúc sự cố " + i.code(),
                items,
                i.form()));
    }

    private static ReportDocx.Letter letter(
            Incident i,
            String parentBody,
            String place,
            LocalDate date,
            String title,
            String subject,
            List<ReportDocx.Item> items,
            InitialReportForm f) {
        String number = (i.id() < 10 ? "0" + i.id() : String.valueOf(i.id())) + "/BC-SC";
        return new ReportDocx.Letter(
                parentBody,
                i.unitName(),
                number,
                subject,
                place,
                date,
                title,
                RECIPIENTS,
                items,
                List.of("Như trên"),
                "TM.",
                i.unitName(),
                or(f.contactPerson(), "…"));
    }

    private static String or(@Nullable String s) {
        return or(s, "…");
    }

    private static String or(@Nullable String s, @Nullable String fallback) {
        if (s != null && !s.isBlank()) {
            return s;
        }
        return fallback == null || fallback.isBlank() ? "…" : fallback;
    }
}
