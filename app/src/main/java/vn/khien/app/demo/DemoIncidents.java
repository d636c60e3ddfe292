package vn.khien.app.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.khien.app.duty.DutyService;
import vn.khien.app.duty.DutyTeam;
import vn.khien.app.incidents.AlertSummary;
import vn.khien.app.incidents.Incident;
import vn.khien.app.incidents.IncidentCategory;
import vn.khien.app.incidents.IncidentDraft;
import vn.khien.app.incidents.IncidentService;
import vn.khien.app.incidents.IncidentStatus;
import vn.khien.app.incidents.Severity;
import vn.khien.app.incidents.TaskPhase;
import vn.khien.app.org.Person;
import vn.khien.app.org.PersonService;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;

/**
 * The provincial incident-response team with a Tết 2027 roster (24/7, 3 shifts × 9 days × primary and backup)
 * and this week's roster, and three incidents opened through the incident service: a staff report of a phishing
 * e-mail (new), a promoted malware alert being responded to, and a closed website defacement.
 */
@Component
class DemoIncidents implements DemoStep {
    private final DutyService duty;
    private final IncidentService incidents;
    private final UnitService units;
    private final PersonService people;
    private final Clock clock;

    DemoIncidents(DutyService duty, IncidentService incidents, UnitService units, PersonService people, Clock clock) {
        this.duty = duty;
        this.incidents = incidents;
        this.units = units;
        this.people = people;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "incidents and duty";
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public String load() {
        UnitScope all = UnitScope.province();
        Unit province = unit("T00");
        Person dung = person("dung.dv@demo.gov.vn");
        Person trung = person("trung.hd@demo.gov.vn");
        Person an = person("an.lm@demo.gov.vn");
        Person phucKhcn = person("dung.pm@skhcn.demo.gov.vn");
        DutyTeam team = duty.createTeam(all, province.id(), "Đội ứng cứu sự cố an toàn thông tin mạng tỉnh", an.id());
        int tet = duty.applyHolidayTemplate(
                        all,
                        team.id(),
                        LocalDate.of(2027, 2, 4),
                        LocalDate.of(2027, 2, 12),
                        3,
                        List.of(dung.id(), trung.id(), phucKhcn.id()),
                        List.of(trung.id(), phucKhcn.id(), dung.id()),
                        "Trực Tết Đinh Mùi 2027")
                .size();
        // this week, with the last day left open so the coverage warning shows
        LocalDate today = LocalDate.now(clock);
        int week = duty.applyHolidayTemplate(
                        all,
                        team.id(),
                        today,
                        today.plusDays(5),
                        2,
                        List.of(dung.id(), trung.id()),
                        List.of(phucKhcn.id()),
                        "Trực tuần")
                .size();

        Instant now = clock.instant();
        Unit binhAn = unit("X-BA");
        Incident phishing = incidents.report(
                all,
                new IncidentDraft(
                        binhAn.id(),
                        "Thư giả mạo Bộ Công an yêu cầu xác thực tài khoản thư công vụ",
                        IncidentCategory.PHISHING,
                        Severity.MEDIUM,
                        now.minus(Duration.ofHours(3)),
                        "Hộp thư hanh.nn@binhan.demo.gov.vn",
                        null,
                        "hxxps://bocongan-gov.example/xac-thuc\ncanhbao@bocongan-gov.example",
                        "Cán bộ văn thư nhận thư, chưa bấm vào liên kết, đã chuyển tiếp cho cán bộ CNTT.",
                        null));

        Incident malware = incidents.reportFromAlert(new AlertSummary(
                "demo-alert-0001",
                unit("S-KHCN").id(),
                "10.11.2.45",
                "185.220.101.4",
                Severity.HIGH,
                now.minus(Duration.ofHours(20))));
        incidents.triage(all, malware.id(), Severity.HIGH, IncidentCategory.MALWARE, "ungcuu");
        incidents.transition(all, malware.id(), IncidentStatus.RESPONDING, "Cô lập máy trạm khỏi mạng");
        var isolate =
                incidents.addTask(all, malware.id(), TaskPhase.CONTAINMENT, "Cô lập máy trạm 10.11.2.45", "ungcuu");
        incidents.completeTask(all, isolate.id());
        incidents.addTask(
                all, malware.id(), TaskPhase.ERADICATION, "Quét và gỡ mã độc, thu mẫu gửi phân tích", "cntt.skhcn");
        incidents.addTask(
                all,
                malware.id(),
                TaskPhase.RECOVERY,
                "Cài lại hệ điều hành, khôi phục dữ liệu từ bản sao lưu",
                "cntt.skhcn");

        Incident defacement = incidents.report(
                all,
                new IncidentDraft(
                        unit("X-HP").id(),
                        "Cổng thông tin xã Hòa Phú bị thay đổi giao diện",
                        IncidentCategory.DEFACEMENT,
                        Severity.HIGH,
                        now.minus(Duration.ofDays(10)),
                        "https://hoaphu.demo.gov.vn",
                        "10.20.5.10",
                        "Tệp index.php lạ; IP 45.9.148.3",
                        "Trang chủ hiển thị nội dung lạ.",
                        null));
        incidents.triage(all, defacement.id(), Severity.HIGH, IncidentCategory.DEFACEMENT, "ungcuu");
        incidents.transition(all, defacement.id(), IncidentStatus.RESPONDING, null);
        var restore = incidents.addTask(
                all, defacement.id(), TaskPhase.RECOVERY, "Khôi phục mã nguồn từ bản sao lưu", "cntt.hoaphu");
        incidents.completeTask(all, restore.id());
        incidents.transition(all, defacement.id(), IncidentStatus.RESOLVED, "Đã khôi phục, vá lỗ hổng plugin");
        incidents.transition(
                all,
                defacement.id(),
                IncidentStatus.CLOSED,
                "Cập nhật CMS hằng tháng; tắt plugin không dùng; giám sát thay đổi tệp.");
        return "team " + team.name() + ": " + tet + " Tết shifts, " + week + " shifts this week; incidents "
                + phishing.code() + ", " + malware.code() + ", " + defacement.code();
    }

    private Unit unit(String code) {
        return units.all(UnitScope.province()).stream()
                .filter(u -> u.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("demo unit " + code + " is missing"));
    }

    private Person person(String email) {
        return people.search(UnitScope.province(), null, email, 1, 0).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("demo person " + email + " is missing"));
    }
}
