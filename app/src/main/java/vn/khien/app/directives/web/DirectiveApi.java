package vn.khien.app.directives.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.app.directives.Directive;
import vn.khien.app.directives.DirectiveEdit;
import vn.khien.app.directives.DirectiveService;
import vn.khien.app.directives.DirectiveTask;
import vn.khien.app.directives.DirectiveTaskService;
import vn.khien.app.directives.EvidenceFile;
import vn.khien.app.directives.Overview;
import vn.khien.app.directives.RuleFigure;
import vn.khien.app.directives.TaskEvent;
import vn.khien.app.directives.TaskStatus;
import vn.khien.app.directives.UnitReport;
import vn.khien.app.directives.UnitReportDocuments;
import vn.khien.app.directives.UnitReportService;
import vn.khien.app.platform.UnitScope;

/** REST API of directives, tasks and unit reports, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/directives")
@Tag(name = "Directives", description = "Directives (công văn): import, correction, tasks, evidence, unit reports")
class DirectiveApi {
    private final DirectiveService directives;
    private final DirectiveTaskService tasks;
    private final UnitReportService reports;
    private final UnitReportDocuments documents;

    DirectiveApi(
            DirectiveService directives,
            DirectiveTaskService tasks,
            UnitReportService reports,
            UnitReportDocuments documents) {
        this.directives = directives;
        this.tasks = tasks;
        this.reports = reports;
        this.documents = documents;
    }

    record PastedText(String text) {}

    record Assignment(
            List<Long> unitIds,
            LocalDate deadline,
            @Nullable List<String> rules) {}

    record SubAssignment(List<Long> unitIds, LocalDate deadline) {}

    record Work(TaskStatus status, int progress, @Nullable String note) {}

    record ReportText(@Nullable String text) {}

    record Reason(String reason) {}

    /** A task with its measured figures, timeline, evidence and sub-tasks. */
    record TaskDetail(
            DirectiveTask task,
            List<RuleFigure> measured,
            List<TaskEvent> timeline,
            List<EvidenceFile> evidence,
            List<DirectiveTask> subTasks) {}

    @GetMapping
    List<Directive> list(UnitScope scope) {
        return directives.list(scope);
    }

    @GetMapping("/{id}")
    Directive get(UnitScope scope, @PathVariable long id) {
        return directives.get(scope, id);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a directive file (.txt, .md, .docx, at most 5 MB) as a draft")
    ResponseEntity<Directive> importFile(UnitScope scope, @RequestParam("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(directives.importFile(scope, String.valueOf(file.getOriginalFilename()), in));
        }
    }

    @PostMapping(path = "/import-text", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import pasted directive text as a draft")
    ResponseEntity<Directive> importText(UnitScope scope, @RequestBody PastedText body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(directives.importText(scope, body.text()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Correct every field and the items of a directive")
    Directive update(UnitScope scope, @PathVariable long id, @RequestBody DirectiveEdit edit) {
        return directives.update(scope, id, edit);
    }

    @PostMapping("/{id}/activate")
    Directive activate(UnitScope scope, @PathVariable long id) {
        return directives.activate(scope, id);
    }

    @GetMapping("/{id}/tasks")
    List<DirectiveTask> tasks(UnitScope scope, @PathVariable long id) {
        return tasks.tasks(scope, id);
    }

    @PostMapping("/{id}/items/{itemId}/assign")
    @Operation(summary = "Assign an item to units with a deadline and linked compliance rules")
    ResponseEntity<List<DirectiveTask>> assign(
            UnitScope scope, @PathVariable long id, @PathVariable long itemId, @RequestBody Assignment a) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(tasks.assign(
                        scope, id, itemId, a.unitIds(), a.deadline(), a.rules() == null ? List.of() : a.rules()));
    }

    @GetMapping("/tasks")
    @Operation(summary = "The tasks of the caller's units (my tasks)")
    List<DirectiveTask> myTasks(UnitScope scope) {
        return tasks.myTasks(scope);
    }

    @GetMapping("/tasks/{taskId}")
    TaskDetail task(UnitScope scope, @PathVariable long taskId) {
        return new TaskDetail(
                tasks.get(scope, taskId),
                tasks.measured(scope, taskId),
                tasks.timeline(scope, taskId),
                tasks.evidence(scope, taskId),
                tasks.children(scope, taskId));
    }

    @PostMapping("/tasks/{taskId}/sub-assign")
    @Operation(summary = "Pass a task on to sub-units (deadline not later than the parent's)")
    ResponseEntity<List<DirectiveTask>> subAssign(
            UnitScope scope, @PathVariable long taskId, @RequestBody SubAssignment a) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(tasks.subAssign(scope, taskId, a.unitIds(), a.deadline()));
    }

    @PostMapping("/tasks/{taskId}/status")
    DirectiveTask status(UnitScope scope, @PathVariable long taskId, @RequestBody Work w) {
        return tasks.updateStatus(scope, taskId, w.status(), w.progress(), w.note());
    }

    @PostMapping(path = "/tasks/{taskId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach an evidence file to a task (at most 10 MB)")
    ResponseEntity<EvidenceFile> taskEvidence(
            UnitScope scope, @PathVariable long taskId, @RequestParam("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(tasks.addEvidence(scope, taskId, String.valueOf(file.getOriginalFilename()), in));
        }
    }

    @GetMapping("/evidence/{evidenceId}")
    @Operation(summary = "Download an evidence file (always as an attachment)")
    ResponseEntity<Resource> download(UnitScope scope, @PathVariable long evidenceId) throws IOException {
        return file(tasks.download(scope, evidenceId));
    }

    @GetMapping("/{id}/source")
    @Operation(summary = "Download the imported file of a directive, as it was uploaded")
    ResponseEntity<Resource> source(UnitScope scope, @PathVariable long id) throws IOException {
        return sourceOf(directives, scope, id);
    }

    static ResponseEntity<Resource> sourceOf(DirectiveService directives, UnitScope scope, long id) throws IOException {
        Directive d = directives.get(scope, id);
        java.nio.file.Path path = directives.source(scope, id);
        return file(new DirectiveTaskService.Download(
                new EvidenceFile(
                        0,
                        d.id(),
                        0,
                        null,
                        null,
                        d.sourceName(),
                        d.sourceSha256(),
                        d.sourceSize(),
                        d.createdAt(),
                        d.createdBy()),
                path));
    }

    static ResponseEntity<Resource> file(DirectiveTaskService.Download d) throws IOException {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(d.evidence().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .contentLength(d.evidence().sizeBytes())
                .body(new InputStreamResource(Files.newInputStream(d.path())));
    }

    @PostMapping("/overdue-check")
    @Operation(summary = "Run the deadline check now: mark overdue tasks and escalate them")
    int overdueCheck(UnitScope scope) {
        return tasks.checkOverdueNow(scope);
    }

    @GetMapping("/{id}/reports/{unitId}")
    @Operation(summary = "The unit's report, or a new form pre-filled with its tasks and measured figures")
    UnitReport report(UnitScope scope, @PathVariable long id, @PathVariable long unitId) {
        return reports.form(scope, id, unitId);
    }

    @GetMapping("/{id}/reports/{unitId}/{format:docx|pdf|xlsx}")
    @Operation(
            summary = "The unit's report as an official document (DOCX or PDF, Decree 30/2020 layout) or its XLSX"
                    + " annex of tasks, figures and evidence")
    ResponseEntity<byte[]> reportDocument(
            UnitScope scope, @PathVariable long id, @PathVariable long unitId, @PathVariable String format) {
        return document(documents, scope, id, unitId, format);
    }

    static ResponseEntity<byte[]> document(
            UnitReportDocuments documents, UnitScope scope, long id, long unitId, String format) {
        byte[] bytes;
        String type;
        switch (format) {
            case "docx" -> {
                bytes = documents.docx(scope, id, unitId);
                type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            }
            case "pdf" -> {
                bytes = documents.pdf(scope, id, unitId);
                type = MediaType.APPLICATION_PDF_VALUE;
            }
            default -> {
                bytes = documents.xlsx(scope, id, unitId);
                type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(UnitReportDocuments.fileName(id, unitId, format), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }

    @PutMapping("/{id}/reports/{unitId}")
    UnitReport saveReport(
            UnitScope scope, @PathVariable long id, @PathVariable long unitId, @RequestBody ReportText t) {
        return reports.saveDraft(scope, id, unitId, t.text() == null ? "" : t.text());
    }

    @PostMapping("/{id}/reports/{unitId}/submit")
    @Operation(summary = "Submit the unit's report (IT officer or head of that unit)")
    UnitReport submit(UnitScope scope, @PathVariable long id, @PathVariable long unitId, @RequestBody ReportText t) {
        return reports.submit(scope, id, unitId, t.text());
    }

    @PostMapping(path = "/{id}/reports/{unitId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<EvidenceFile> reportEvidence(
            UnitScope scope, @PathVariable long id, @PathVariable long unitId, @RequestParam("file") MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(reports.addEvidence(scope, id, unitId, String.valueOf(file.getOriginalFilename()), in));
        }
    }

    @PostMapping("/reports/{reportId}/approve")
    @Operation(summary = "Approve a submitted report (head of that unit only)")
    UnitReport approve(UnitScope scope, @PathVariable long reportId) {
        return reports.approve(scope, reportId);
    }

    @PostMapping("/reports/{reportId}/return")
    @Operation(summary = "Return a submitted report with a reason (head of that unit only)")
    UnitReport returnReport(UnitScope scope, @PathVariable long reportId, @RequestBody Reason r) {
        return reports.returnReport(scope, reportId, r.reason());
    }

    @GetMapping("/{id}/overview")
    @Operation(summary = "Units × tasks done, overdue, report status: who has and has not reported")
    Overview overview(UnitScope scope, @PathVariable long id) {
        return reports.overview(scope, id);
    }
}
