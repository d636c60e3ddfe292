package vn.khien.app.directives.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.app.directives.Directive;
import vn.khien.app.directives.DirectiveClause;
import vn.khien.app.directives.DirectiveEdit;
import vn.khien.app.directives.DirectiveException;
import vn.khien.app.directives.DirectiveService;
import vn.khien.app.directives.DirectiveTask;
import vn.khien.app.directives.DirectiveTaskService;
import vn.khien.app.directives.TaskStatus;
import vn.khien.app.directives.UnitReport;
import vn.khien.app.directives.UnitReportDocuments;
import vn.khien.app.directives.UnitReportService;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;

/** Directive pages: list and import, review and correction, assignment, tasks, unit reports, province overview. */
@Controller
@RequestMapping("/directives")
class DirectivePages {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DirectiveService directives;
    private final DirectiveTaskService tasks;
    private final UnitReportService reports;
    private final UnitService units;
    private final UnitReportDocuments documents;

    DirectivePages(
            DirectiveService directives,
            DirectiveTaskService tasks,
            UnitReportService reports,
            UnitService units,
            UnitReportDocuments documents) {
        this.directives = directives;
        this.tasks = tasks;
        this.reports = reports;
        this.units = units;
        this.documents = documents;
    }

    @GetMapping
    String list(UnitScope scope, Model model) {
        model.addAttribute("directives", directives.list(scope));
        model.addAttribute("escalations", tasks.escalations(scope));
        return "directives/list";
    }

    @PostMapping("/import")
    String importFile(
            UnitScope scope,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String text)
            throws IOException {
        Directive d;
        if (file != null && !file.isEmpty()) {
            try (InputStream in = file.getInputStream()) {
                d = directives.importFile(scope, String.valueOf(file.getOriginalFilename()), in);
            }
        } else if (text != null && !text.isBlank()) {
            d = directives.importText(scope, text);
        } else {
            throw new DirectiveException(DirectiveException.Kind.INVALID, "choose a file or paste the text");
        }
        return "redirect:/directives/" + d.id();
    }

    @GetMapping("/{id}")
    String detail(UnitScope scope, @PathVariable long id, Model model) {
        Directive d = directives.get(scope, id);
        model.addAttribute("d", d);
        model.addAttribute("issuedOn", d.issuedOn() == null ? "" : DAY.format(d.issuedOn()));
        List<DirectiveTask> all = tasks.tasks(scope, id);
        model.addAttribute("tasks", all);
        if (d.active()) {
            List<Unit> unitList = units.all(scope);
            model.addAttribute("units", unitList);
            model.addAttribute("rules", tasks.ruleCodes());
            Map<Long, java.util.Set<Long>> suggested = d.items().stream()
                    .collect(Collectors.toMap(
                            DirectiveClause::id, i -> directives.suggestedUnits(scope, id, i.id()), (a, b) -> a));
            model.addAttribute("suggested", suggested);
            model.addAttribute("defaultDeadline", tasks.today().plusDays(30));
            model.addAttribute("tasksByItem", all.stream().collect(Collectors.groupingBy(DirectiveTask::itemId)));
        }
        return "directives/detail";
    }

    @PostMapping("/{id}")
    String update(
            UnitScope scope,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @Nullable String symbol,
            @RequestParam(required = false) @Nullable String issuerParent,
            @RequestParam(required = false) @Nullable String issuerBody,
            @RequestParam(required = false) @Nullable String place,
            @RequestParam(required = false) @Nullable String issuedOn,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String urgency,
            @RequestParam(required = false) @Nullable String secrecy,
            @RequestParam(required = false, defaultValue = "") String recipients,
            @RequestParam(required = false, defaultValue = "") String cc,
            @RequestParam(required = false, defaultValue = "") String signerAuthority,
            @RequestParam(required = false) @Nullable String signerPosition,
            @RequestParam(required = false) @Nullable String signerName,
            @RequestParam(required = false) @Nullable List<String> itemId,
            @RequestParam(required = false) @Nullable List<String> itemNumber,
            @RequestParam(required = false) @Nullable List<String> itemText) {
        LocalDate date;
        try {
            date = issuedOn == null || issuedOn.isBlank() ? null : LocalDate.parse(issuedOn.strip(), DAY);
        } catch (java.time.format.DateTimeParseException e) {
            throw new DirectiveException(
                    DirectiveException.Kind.INVALID, "the date must be written dd/MM/yyyy, not " + issuedOn);
        }
        List<DirectiveEdit.ItemEdit> items = new ArrayList<>();
        int n = itemText == null ? 0 : itemText.size();
        for (int i = 0; i < n; i++) {
            String text = itemText.get(i);
            if (text == null || text.isBlank()) {
                continue; // an emptied item is removed; an empty new row is ignored
            }
            String rawId = itemId != null && i < itemId.size() ? itemId.get(i) : "";
            String num = itemNumber != null && i < itemNumber.size() ? itemNumber.get(i) : "";
            items.add(new DirectiveEdit.ItemEdit(
                    rawId == null || rawId.isBlank() ? null : Long.valueOf(rawId), num, text));
        }
        directives.update(
                scope,
                id,
                new DirectiveEdit(
                        number,
                        symbol,
                        issuerParent,
                        issuerBody,
                        place,
                        date,
                        subject,
                        urgency,
                        secrecy,
                        lines(recipients),
                        lines(cc),
                        lines(signerAuthority),
                        signerPosition,
                        signerName,
                        items));
        return "redirect:/directives/" + id + "?saved";
    }

    private static List<String> lines(String s) {
        return Arrays.stream(s.split("\\R"))
                .map(String::strip)
                .filter(x -> !x.isEmpty())
                .toList();
    }

    @PostMapping("/{id}/activate")
    String activate(UnitScope scope, @PathVariable long id) {
        directives.activate(scope, id);
        return "redirect:/directives/" + id;
    }

    @PostMapping("/{id}/items/{itemId}/assign")
    String assign(
            UnitScope scope,
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestParam(required = false) @Nullable List<Long> unitIds,
            @RequestParam LocalDate deadline,
            @RequestParam(required = false) @Nullable List<String> rules) {
        tasks.assign(
                scope, id, itemId, unitIds == null ? List.of() : unitIds, deadline, rules == null ? List.of() : rules);
        return "redirect:/directives/" + id + "#item-" + itemId;
    }

    @GetMapping("/{id}/overview")
    String overview(UnitScope scope, @PathVariable long id, Model model) {
        model.addAttribute("d", directives.get(scope, id));
        model.addAttribute("o", reports.overview(scope, id));
        return "directives/overview";
    }

    @GetMapping("/tasks")
    String myTasks(UnitScope scope, Model model) {
        model.addAttribute("tasks", tasks.myTasks(scope));
        model.addAttribute("escalations", tasks.escalations(scope));
        return "directives/tasks";
    }

    @GetMapping("/tasks/{taskId}")
    String task(UnitScope scope, @PathVariable long taskId, Model model) {
        DirectiveTask t = tasks.get(scope, taskId);
        model.addAttribute("t", t);
        model.addAttribute("d", directives.get(scope, t.directiveId()));
        model.addAttribute("measured", tasks.measured(scope, taskId));
        model.addAttribute("timeline", tasks.timeline(scope, taskId));
        model.addAttribute("evidence", tasks.evidence(scope, taskId));
        model.addAttribute("children", tasks.children(scope, taskId));
        model.addAttribute(
                "subUnits",
                units.all(scope).stream()
                        .filter(u -> u.id() != t.unitId()
                                && units.subtreeIds(t.unitId()).contains(u.id()))
                        .toList());
        model.addAttribute("statuses", List.of(TaskStatus.NEW, TaskStatus.IN_PROGRESS, TaskStatus.DONE));
        return "directives/task";
    }

    @PostMapping("/tasks/{taskId}/status")
    String status(
            UnitScope scope,
            @PathVariable long taskId,
            @RequestParam TaskStatus status,
            @RequestParam(defaultValue = "0") int progress,
            @RequestParam(required = false) @Nullable String note) {
        tasks.updateStatus(scope, taskId, status, progress, note);
        return "redirect:/directives/tasks/" + taskId;
    }

    @PostMapping("/tasks/{taskId}/evidence")
    String taskEvidence(UnitScope scope, @PathVariable long taskId, @RequestParam MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            tasks.addEvidence(scope, taskId, String.valueOf(file.getOriginalFilename()), in);
        }
        return "redirect:/directives/tasks/" + taskId + "#evidence";
    }

    @PostMapping("/tasks/{taskId}/sub-assign")
    String subAssign(
            UnitScope scope,
            @PathVariable long taskId,
            @RequestParam(required = false) @Nullable List<Long> unitIds,
            @RequestParam LocalDate deadline) {
        tasks.subAssign(scope, taskId, unitIds == null ? List.of() : unitIds, deadline);
        return "redirect:/directives/tasks/" + taskId;
    }

    @PostMapping("/overdue-check")
    String overdueCheck(UnitScope scope) {
        int n = tasks.checkOverdueNow(scope);
        return "redirect:/directives?overdue=" + n;
    }

    @GetMapping("/{id}/reports/{unitId}")
    String report(UnitScope scope, @PathVariable long id, @PathVariable long unitId, Model model) {
        UnitReport r = reports.form(scope, id, unitId);
        model.addAttribute("d", directives.get(scope, id));
        model.addAttribute("r", r);
        return "directives/report";
    }

    @GetMapping("/{id}/reports/{unitId}/{format:docx|pdf|xlsx}")
    ResponseEntity<byte[]> reportDocument(
            UnitScope scope, @PathVariable long id, @PathVariable long unitId, @PathVariable String format) {
        return DirectiveApi.document(documents, scope, id, unitId, format);
    }

    @PostMapping("/{id}/reports/{unitId}")
    String saveReport(
            UnitScope scope,
            @PathVariable long id,
            @PathVariable long unitId,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "save") String action) {
        if ("submit".equals(action)) {
            reports.submit(scope, id, unitId, text);
        } else {
            reports.saveDraft(scope, id, unitId, text);
        }
        return "redirect:/directives/" + id + "/reports/" + unitId;
    }

    @PostMapping("/{id}/reports/{unitId}/evidence")
    String reportEvidence(
            UnitScope scope, @PathVariable long id, @PathVariable long unitId, @RequestParam MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            reports.addEvidence(scope, id, unitId, String.valueOf(file.getOriginalFilename()), in);
        }
        return "redirect:/directives/" + id + "/reports/" + unitId;
    }

    @PostMapping("/reports/{reportId}/decide")
    String decide(
            UnitScope scope,
            @PathVariable long reportId,
            @RequestParam String decision,
            @RequestParam(required = false) @Nullable String reason) {
        UnitReport r = "approve".equals(decision)
                ? reports.approve(scope, reportId)
                : reports.returnReport(scope, reportId, reason == null ? "" : reason);
        return "redirect:/directives/" + r.directiveId() + "/reports/" + r.unitId();
    }

    @GetMapping("/{id}/source")
    ResponseEntity<Resource> source(UnitScope scope, @PathVariable long id) throws IOException {
        return DirectiveApi.sourceOf(directives, scope, id);
    }

    @GetMapping("/evidence/{evidenceId}")
    ResponseEntity<Resource> download(UnitScope scope, @PathVariable long evidenceId) throws IOException {
        return DirectiveApi.file(tasks.download(scope, evidenceId));
    }
}
