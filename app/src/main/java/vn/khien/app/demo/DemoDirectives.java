package vn.khien.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.khien.app.directives.Directive;
import vn.khien.app.directives.DirectiveService;
import vn.khien.app.directives.DirectiveTask;
import vn.khien.app.directives.DirectiveTaskService;
import vn.khien.app.directives.TaskStatus;
import vn.khien.app.directives.UnitReport;
import vn.khien.app.directives.UnitReportService;
import vn.khien.app.org.Person;
import vn.khien.app.org.PersonService;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.KhienPrincipal;
import vn.khien.core.org.Role;

/**
 * The five sample directives imported through the parser and the directive service, activated and assigned to demo
 * units: some deadlines already past (the deadline check marks and escalates them), antivirus/EDR tasks linked to the
 * AV-PRESENT and EDR-PRESENT rules, tasks in progress and done, one unit report submitted and one approved — each
 * step as the user who would do it (the commune's IT officer, its head).
 */
@Component
class DemoDirectives implements DemoStep {
    static final List<String> FILES = List.of(
            "thua-thien-hue-tieu-ban-attt-anm.txt",
            "ha-tinh-2019-357-UBND-KGVX.txt",
            "tuyen-quang-2018-1622-UBND-THCB.txt",
            "vp-ubnd-tinh-2023-tet-quy-mao.txt",
            "quang-ngai-xa-2025-phong-chong-gian-diep-mang.txt");

    private final DirectiveService directives;
    private final DirectiveTaskService tasks;
    private final UnitReportService reports;
    private final UnitService units;
    private final PersonService people;

    DemoDirectives(
            DirectiveService directives,
            DirectiveTaskService tasks,
            UnitReportService reports,
            UnitService units,
            PersonService people) {
        this.directives = directives;
        this.tasks = tasks;
        this.reports = reports;
        this.units = units;
        this.people = people;
    }

    @Override
    public String name() {
        return "directives";
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public String load() {
        UnitScope all = UnitScope.province();
        List<Directive> imported = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = new ClassPathResource("demo/directives/" + file).getInputStream()) {
                Directive d = directives.importFile(all, file, in);
                imported.add(d.items().isEmpty() ? d : directives.activate(all, d.id()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        LocalDate today = tasks.today();
        long binhAn = unit("X-BA").id();
        long hoaPhu = unit("X-HP").id();
        long khcn = unit("S-KHCN").id();
        long vp = unit("S-VP").id();
        long yTe = unit("S-YT").id();
        int assigned = 0;
        // Huế §2: antivirus and EDR on every CPNet computer, measured from inventory data
        Directive hue = imported.get(0);
        if (hue.items().size() >= 2) {
            assigned += tasks.assign(
                            all,
                            hue.id(),
                            hue.items().get(1).id(),
                            List.of(binhAn, hoaPhu, vp),
                            today.plusDays(20),
                            List.of("AV-PRESENT", "EDR-PRESENT"))
                    .size();
            assigned += tasks.assign(
                            all,
                            hue.id(),
                            hue.items().get(0).id(),
                            List.of(binhAn, hoaPhu, khcn),
                            today.plusDays(10),
                            List.of())
                    .size();
        }
        // Hà Tĩnh 2019: already past its deadline for two units, so the check escalates them
        Directive haTinh = imported.get(1);
        for (int i = 0; i < Math.min(2, haTinh.items().size()); i++) {
            assigned += tasks.assign(
                            all,
                            haTinh.id(),
                            haTinh.items().get(i).id(),
                            List.of(binhAn, khcn, yTe),
                            today.minusDays(5 + i),
                            i == 0 ? List.of("PATCH-AGE") : List.of())
                    .size();
        }
        // the others: one item each to the department of science and technology and a commune
        for (Directive d : imported.subList(2, imported.size())) {
            if (d.active()) {
                assigned += tasks.assign(
                                all,
                                d.id(),
                                d.items().get(0).id(),
                                List.of(khcn, hoaPhu),
                                today.plusDays(15),
                                List.of())
                        .size();
            }
        }
        // the department passes its Hà Tĩnh task on to its IT centre
        long khcnIt = unit("S-KHCN-TTCNTT").id();
        tasks.tasks(all, haTinh.id()).stream()
                .filter(t -> t.unitId() == khcn && t.parentTaskId() == null)
                .findFirst()
                .ifPresent(t -> tasks.subAssign(all, t.id(), List.of(khcnIt), t.deadline()));
        // work reported by the units
        for (DirectiveTask t : tasks.tasks(all, hue.id())) {
            if (t.unitId() == binhAn) {
                tasks.updateStatus(all, t.id(), TaskStatus.IN_PROGRESS, 60, "Đã cài Bkav Endpoint cho 9/15 máy");
            } else if (t.unitId() == hoaPhu) {
                tasks.updateStatus(all, t.id(), TaskStatus.DONE, 100, "Hoàn thành, đã kiểm tra trên máy chủ quản trị");
            }
        }
        tasks.tasks(all, haTinh.id()).stream()
                .filter(t -> t.unitId() == yTe)
                .findFirst()
                .ifPresent(t -> tasks.updateStatus(all, t.id(), TaskStatus.IN_PROGRESS, 30, "Đang rà soát tài khoản"));
        int overdue = tasks.checkOverdue();
        // reports: Bình An submits (its IT officer); Hòa Phú submits and its head approves
        as(
                binhAn,
                Role.IT_OFFICER,
                () -> reports.submit(
                        UnitScope.of(units.subtreeIds(binhAn)),
                        hue.id(),
                        binhAn,
                        "UBND xã Bình An đã triển khai phần mềm diệt virus Bkav Endpoint cho 9/15 máy tính; số máy còn lại"
                                + " hoàn thành trước hạn."));
        UnitReport hp = as(
                hoaPhu,
                Role.IT_OFFICER,
                () -> reports.submit(
                        UnitScope.of(units.subtreeIds(hoaPhu)),
                        hue.id(),
                        hoaPhu,
                        "UBND xã Hòa Phú đã cài đặt phần mềm diệt virus và EDR cho toàn bộ máy tính kết nối mạng CPNet."));
        as(hoaPhu, Role.UNIT_HEAD, () -> reports.approve(UnitScope.of(units.subtreeIds(hoaPhu)), hp.id()));
        return imported.size() + " directives, " + assigned + " tasks, " + overdue + " overdue, 2 reports";
    }

    private <T> T as(long unitId, Role role, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        KhienPrincipal p = new KhienPrincipal(
                null,
                null,
                "demo-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-" + unitId,
                personName(unitId, role),
                unitId,
                Set.of(role));
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                p, null, AuthorityUtils.createAuthorityList("ROLE_" + role.name(), "FACTOR_COMPLETE")));
        SecurityContextHolder.setContext(ctx);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The unit's head (or first officer) from the demo people, so reports are signed with a real name. */
    private String personName(long unitId, Role role) {
        List<Person> staff = people.inUnit(UnitScope.province(), unitId);
        return staff.stream()
                .filter(p -> role != Role.UNIT_HEAD
                        || (p.position() != null && p.position().matches("(?iu).*(chủ tịch|giám đốc|trưởng).*")))
                .findFirst()
                .or(() -> staff.stream().findFirst())
                .map(Person::fullName)
                .orElse("Demo");
    }

    private Unit unit(String code) {
        return units.all(UnitScope.province()).stream()
                .filter(u -> u.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("demo unit " + code + " missing"));
    }
}
