package vn.khien.app.incidents.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
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
import vn.khien.app.incidents.AlertSummary;
import vn.khien.app.incidents.Deadline;
import vn.khien.app.incidents.Evidence;
import vn.khien.app.incidents.Incident;
import vn.khien.app.incidents.IncidentCategory;
import vn.khien.app.incidents.IncidentDraft;
import vn.khien.app.incidents.IncidentService;
import vn.khien.app.incidents.IncidentStatus;
import vn.khien.app.incidents.IncidentTask;
import vn.khien.app.incidents.InitialReportForm;
import vn.khien.app.incidents.Severity;
import vn.khien.app.incidents.TaskPhase;
import vn.khien.app.incidents.TimelineEntry;
import vn.khien.app.platform.UnitScope;

/** REST API of incidents, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents", description = "Incidents (sự cố): intake, workflow, tasks, evidence, reports")
class IncidentApi {
    private final IncidentService incidents;

    IncidentApi(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** An incident with everything shown on its page. */
    record IncidentDetail(
            Incident incident,
            List<DeadlineView> deadlines,
            List<IncidentTask> tasks,
            List<TimelineEntry> timeline,
            List<Evidence> evidence,
            List<String> alertIds) {}

    /** A deadline with the seconds left at the time of the request (negative when overdue). */
    record DeadlineView(String id, String label, Instant due, long secondsLeft, boolean near, boolean overdue) {
        /** "còn 5 giờ 12 phút" or "quá hạn 3 giờ 0 phút", for the first render before the script ticks. */
        public String leftText() {
            long s = Math.abs(secondsLeft);
            String span = (s >= 86_400 ? s / 86_400 + " ngày " : "") + (s % 86_400) / 3600 + " giờ " + (s % 3600) / 60
                    + " phút";
            return (secondsLeft < 0 ? "quá hạn " : "còn ") + span;
        }

        static DeadlineView of(Deadline d, Instant now) {
            return new DeadlineView(d.id(), d.label(), d.due(), d.left(now).toSeconds(), d.near(now), d.overdue(now));
        }
    }

    record Triage(
            Severity severity,
            IncidentCategory category,
            @Nullable String assignee) {}

    record Move(IncidentStatus status, @Nullable String note) {}

    record Comment(String text) {}

    record NewTask(TaskPhase phase, String title, @Nullable String owner) {}

    record Promotion(List<AlertSummary> alerts, IncidentCategory category, String title) {}

    @GetMapping
    List<Incident> list(UnitScope scope, @RequestParam(required = false) @Nullable IncidentStatus status) {
        return incidents.list(scope, status);
    }

    @PostMapping
    @Operation(summary = "Report an incident (any staff member)")
    ResponseEntity<Incident> report(UnitScope scope, @RequestBody IncidentDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(incidents.report(scope, draft));
    }

    @PostMapping("/promote")
    @Operation(summary = "Promote one or more alerts into one incident")
    ResponseEntity<Incident> promote(UnitScope scope, @RequestBody Promotion p) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(incidents.promote(scope, p.alerts(), p.category(), p.title()));
    }

    @GetMapping("/{id}")
    IncidentDetail detail(UnitScope scope, @PathVariable long id) {
        return detailOf(incidents, scope, id);
    }

    static IncidentDetail detailOf(IncidentService incidents, UnitScope scope, long id) {
        Incident i = incidents.get(scope, id);
        Instant now = incidents.now();
        return new IncidentDetail(
                i,
                incidents.deadlines(i).stream()
                        .map(d -> DeadlineView.of(d, now))
                        .toList(),
                incidents.tasks(scope, id),
                incidents.timeline(scope, id),
                incidents.evidence(scope, id),
                incidents.alertIds(scope, id));
    }

    @PostMapping("/{id}/triage")
    Incident triage(UnitScope scope, @PathVariable long id, @RequestBody Triage t) {
        return incidents.triage(scope, id, t.severity(), t.category(), t.assignee());
    }

    @PostMapping("/{id}/status")
    Incident move(UnitScope scope, @PathVariable long id, @RequestBody Move m) {
        return incidents.transition(scope, id, m.status(), m.note());
    }

    @PutMapping("/{id}/form")
    Incident form(UnitScope scope, @PathVariable long id, @RequestBody InitialReportForm form) {
        return incidents.updateForm(scope, id, form);
    }

    @PostMapping("/{id}/comments")
    ResponseEntity<TimelineEntry> comment(UnitScope scope, @PathVariable long id, @RequestBody Comment c) {
        return ResponseEntity.status(HttpStatus.CREATED).body(incidents.comment(scope, id, c.text()));
    }

    @PostMapping("/{id}/tasks")
    ResponseEntity<IncidentTask> task(UnitScope scope, @PathVariable long id, @RequestBody NewTask t) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(incidents.addTask(scope, id, t.phase(), t.title(), t.owner()));
    }

    @PostMapping("/tasks/{taskId}/done")
    IncidentTask done(UnitScope scope, @PathVariable long taskId) {
        return incidents.completeTask(scope, taskId);
    }

    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Evidence> upload(UnitScope scope, @PathVariable long id, @RequestParam("file") MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            String name = file.getOriginalFilename() == null ? "evidence.bin" : file.getOriginalFilename();
            return ResponseEntity.status(HttpStatus.CREATED).body(incidents.addEvidence(scope, id, name, in));
        }
    }

    @GetMapping("/evidence/{evidenceId}")
    @Operation(summary = "Download an evidence file (always as an attachment, never rendered)")
    ResponseEntity<Resource> download(UnitScope scope, @PathVariable long evidenceId) throws IOException {
        return evidenceResponse(incidents.evidenceFile(scope, evidenceId));
    }

    static ResponseEntity<Resource> evidenceResponse(IncidentService.EvidenceFile f) throws IOException {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(f.evidence().fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .contentLength(f.evidence().sizeBytes())
                .body(new InputStreamResource(Files.newInputStream(f.path())));
    }

    @GetMapping("/{id}/report/initial.docx")
    ResponseEntity<byte[]> initial(UnitScope scope, @PathVariable long id) {
        return docx(incidents.initialReport(scope, id), "bao-cao-ban-dau-SC-" + id + ".docx");
    }

    @GetMapping("/{id}/report/final.docx")
    ResponseEntity<byte[]> fin(UnitScope scope, @PathVariable long id) {
        return docx(incidents.finalReport(scope, id), "bao-cao-ket-thuc-SC-" + id + ".docx");
    }

    static ResponseEntity<byte[]> docx(byte[] body, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
