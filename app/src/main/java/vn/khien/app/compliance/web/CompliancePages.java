package vn.khien.app.compliance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.app.compliance.ComplianceException;
import vn.khien.app.compliance.ComplianceService;
import vn.khien.app.compliance.Finding;
import vn.khien.app.compliance.FindingFilter;
import vn.khien.app.compliance.UnitScoreView;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.web.Xlsx;
import vn.khien.core.compliance.Rule;

/** Pages of compliance: province dashboard, unit page, findings with filters and export, exception workflow. */
@Controller
class CompliancePages {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> COVERAGE = List.of("AV-PRESENT", "EDR-PRESENT", "AV-CURRENT", "PATCH-AGE");

    private final ComplianceService compliance;
    private final UnitService units;

    CompliancePages(ComplianceService compliance, UnitService units) {
        this.compliance = compliance;
        this.units = units;
    }

    private Map<Long, String> unitNames(UnitScope scope) {
        Map<Long, String> names = new HashMap<>();
        for (Unit u : units.all(scope)) {
            names.put(u.id(), u.name());
        }
        return names;
    }

    private Map<String, Rule> rules() {
        Map<String, Rule> out = new LinkedHashMap<>();
        for (Rule r : compliance.rules()) {
            out.put(r.id().code(), r);
        }
        return out;
    }

    @GetMapping("/compliance")
    String dashboard(UnitScope scope, Model model) {
        List<UnitScoreView> scores = new ArrayList<>(compliance.scores(scope));
        scores.sort(Comparator.comparingDouble(UnitScoreView::percent).reversed());
        Map<Long, UnitScoreView> byUnit = new HashMap<>();
        scores.forEach(s -> byUnit.put(s.unitId(), s));
        List<Unit> roots = units.roots(scope);
        List<UnitScoreView> rootScores = new ArrayList<>();
        for (Unit r : roots) {
            if (byUnit.containsKey(r.id())) {
                rootScores.add(byUnit.get(r.id()));
            }
        }
        model.addAttribute("scores", scores);
        model.addAttribute("rootScores", rootScores);
        model.addAttribute("roots", roots);
        model.addAttribute("coverage", COVERAGE);
        model.addAttribute("unitNames", unitNames(scope));
        model.addAttribute("rules", rules());
        model.addAttribute(
                "pending", compliance.exceptions(scope, null, "REQUESTED").size());
        return "compliance/dashboard";
    }

    @GetMapping("/compliance/units/{id}")
    String unit(UnitScope scope, @PathVariable long id, Model model) {
        Unit unit = units.find(scope, id).orElseThrow(() -> ComplianceException.notFound("unit " + id));
        model.addAttribute("unit", unit);
        model.addAttribute(
                "score",
                compliance.scores(scope).stream()
                        .filter(s -> s.unitId() == id)
                        .findFirst()
                        .orElse(null));
        model.addAttribute("rules", rules());
        model.addAttribute("children", units.children(scope, id));
        model.addAttribute("findings", compliance.findings(scope, new FindingFilter(null, id, "OPEN", null), 200, 0));
        return "compliance/unit";
    }

    @GetMapping("/findings")
    String findings(
            UnitScope scope,
            @RequestParam(required = false) @Nullable String rule,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false, defaultValue = "OPEN") String status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        int size = 100;
        model.addAttribute(
                "findings",
                compliance.findings(
                        scope, new FindingFilter(rule, unit, status, null), size + 1, Math.max(0, page) * size));
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pageSize", size);
        model.addAttribute("rules", rules());
        model.addAttribute("units", units.all(scope));
        model.addAttribute("unitNames", unitNames(scope));
        model.addAttribute("rule", rule);
        model.addAttribute("unit", unit);
        model.addAttribute("status", status);
        return "compliance/findings";
    }

    @GetMapping("/findings.xlsx")
    void export(
            UnitScope scope,
            @RequestParam(required = false) @Nullable String rule,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false, defaultValue = "OPEN") String status,
            HttpServletResponse response)
            throws IOException {
        Map<Long, String> names = unitNames(scope);
        DateTimeFormatter f =
                DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (Finding x : compliance.findings(scope, new FindingFilter(rule, unit, status, null), 100_000, 0)) {
            rows.add(Arrays.asList(
                    x.ruleId(),
                    x.severity(),
                    x.subjectName() != null ? x.subjectName() : x.subjectId(),
                    x.unitId() == null ? null : names.get(x.unitId()),
                    x.status(),
                    x.exempted() ? "x" : null,
                    f.format(x.firstSeen()),
                    f.format(x.lastSeen()),
                    x.explanationVi(),
                    x.packId() + " " + x.packVersion()));
        }
        Xlsx.write(
                response,
                "phat-hien.xlsx",
                "Phát hiện",
                List.of(
                        "Quy tắc / Rule",
                        "Mức độ / Severity",
                        "Đối tượng / Subject",
                        "Đơn vị / Unit",
                        "Trạng thái / Status",
                        "Ngoại lệ / Exception",
                        "Phát hiện lần đầu / First seen",
                        "Lần cuối / Last seen",
                        "Diễn giải / Explanation",
                        "Bộ quy tắc / Rule pack"),
                rows);
    }

    @GetMapping("/findings/{id}")
    String finding(UnitScope scope, @PathVariable long id, Model model) {
        Finding f = compliance.finding(scope, id);
        model.addAttribute("finding", f);
        model.addAttribute("evidence", JSON.readValue(f.evidence(), new TypeReference<List<Map<String, Object>>>() {}));
        model.addAttribute("history", compliance.history(scope, id));
        model.addAttribute("exceptions", compliance.exceptions(scope, id, null));
        model.addAttribute("rule", rules().get(f.ruleId()));
        model.addAttribute(
                "unitName", f.unitId() == null ? null : unitNames(scope).get(f.unitId()));
        model.addAttribute("defaultExpiry", LocalDate.now().plusMonths(3));
        return "compliance/finding";
    }

    @GetMapping("/compliance/endpoint-findings/{endpointId}")
    String endpointFindings(UnitScope scope, @PathVariable long endpointId, Model model) {
        model.addAttribute(
                "findings", compliance.findings(scope, new FindingFilter(null, null, null, endpointId), 200, 0));
        model.addAttribute("rules", rules());
        return "compliance/endpoint-findings :: list";
    }

    @PostMapping("/findings/{id}/exceptions")
    String requestException(
            UnitScope scope,
            @PathVariable long id,
            @RequestParam String justification,
            @RequestParam String expiresOn,
            RedirectAttributes flash) {
        compliance.requestException(scope, id, justification, parseDate(expiresOn));
        flash.addFlashAttribute("notice", "requested");
        return "redirect:/findings/" + id;
    }

    @PostMapping("/exceptions/{id}/decision")
    String decide(
            UnitScope scope,
            @PathVariable long id,
            @RequestParam boolean approve,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable Long finding,
            RedirectAttributes flash) {
        var x = compliance.decideException(scope, id, approve, note);
        flash.addFlashAttribute("notice", approve ? "approved" : "rejected");
        return "redirect:/findings/" + x.findingId();
    }

    @GetMapping("/exceptions")
    String exceptions(UnitScope scope, Model model) {
        model.addAttribute("exceptions", compliance.exceptions(scope, null, null));
        model.addAttribute("unitNames", unitNames(scope));
        return "compliance/exceptions";
    }

    static LocalDate parseDate(String s) {
        String t = s.strip();
        try {
            return t.contains("/") ? LocalDate.parse(t, DateTimeFormatter.ofPattern("d/M/yyyy")) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw ComplianceException.invalid("not a date: '" + t + "' (dd/MM/yyyy)");
        }
    }
}
