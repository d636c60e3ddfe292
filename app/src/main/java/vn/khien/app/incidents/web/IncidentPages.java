package vn.khien.app.incidents.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.app.incidents.Incident;
import vn.khien.app.incidents.IncidentCategory;
import vn.khien.app.incidents.IncidentDraft;
import vn.khien.app.incidents.IncidentService;
import vn.khien.app.incidents.IncidentStatus;
import vn.khien.app.incidents.InitialReportForm;
import vn.khien.app.incidents.Severity;
import vn.khien.app.incidents.TaskPhase;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.KhienProperties;
import vn.khien.app.platform.UnitScope;

/** Incident pages: the list, the intake form any staff member can use, and the working page of one incident. */
@Controller
@RequestMapping("/incidents")
class IncidentPages {
    private final IncidentService incidents;
    private final UnitService units;
    private final ZoneId zone;

    IncidentPages(IncidentService incidents, UnitService units, KhienProperties properties) {
        this.incidents = incidents;
        this.units = units;
        this.zone = properties.zone();
    }

    @ModelAttribute
    void enums(Model model) {
        model.addAttribute("categories", IncidentCategory.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("phases", TaskPhase.values());
    }

    @GetMapping
    String list(UnitScope scope, @RequestParam(required = false) @Nullable IncidentStatus status, Model model) {
        model.addAttribute("incidents", incidents.list(scope, status));
        model.addAttribute("status", status);
        model.addAttribute("now", incidents.now());
        model.addAttribute("svc", incidents);
        return "incidents/list";
    }

    @GetMapping("/new")
    String form(UnitScope scope, Model model) {
        model.addAttribute("units", units.all(scope));
        return "incidents/form";
    }

    /** The intake form, with an optional attachment (e.g. the suspicious e-mail as .eml). */
    @PostMapping
    String report(
            UnitScope scope,
            @RequestParam long unitId,
            @RequestParam String title,
            @RequestParam IncidentCategory category,
            @RequestParam(required = false) @Nullable Severity severity,
            @RequestParam(required = false) @Nullable String discoveredAt,
            @RequestParam(required = false) @Nullable String affected,
            @RequestParam(required = false) @Nullable String indicators,
            @RequestParam(required = false) @Nullable String summary,
            @RequestParam(required = false) @Nullable MultipartFile attachment)
            throws IOException {
        Instant t0 = discoveredAt == null || discoveredAt.isBlank()
                ? null
                : LocalDateTime.parse(discoveredAt).atZone(zone).toInstant();
        Incident i = incidents.report(
                scope,
                new IncidentDraft(unitId, title, category, severity, t0, affected, null, indicators, summary, null));
        if (attachment != null && !attachment.isEmpty()) {
            try (InputStream in = attachment.getInputStream()) {
                incidents.addEvidence(scope, i.id(), name(attachment), in);
            }
        }
        return "redirect:/incidents/" + i.id();
    }

    @GetMapping("/{id}")
    String detail(UnitScope scope, @PathVariable long id, Model model) {
        IncidentApi.IncidentDetail d = IncidentApi.detailOf(incidents, scope, id);
        model.addAttribute("d", d);
        model.addAttribute("formFields", formFields(d.incident().form()));
        model.addAttribute("now", incidents.now());
        return "incidents/detail";
    }

    @PostMapping("/{id}/triage")
    String triage(
            UnitScope scope,
            @PathVariable long id,
            @RequestParam Severity severity,
            @RequestParam IncidentCategory category,
            @RequestParam(required = false) @Nullable String assignee) {
        incidents.triage(scope, id, severity, category, assignee);
        return "redirect:/incidents/" + id;
    }

    @PostMapping("/{id}/status")
    String move(
            UnitScope scope,
            @PathVariable long id,
            @RequestParam IncidentStatus status,
            @RequestParam(required = false) @Nullable String note) {
        incidents.transition(scope, id, status, note);
        return "redirect:/incidents/" + id;
    }

    @PostMapping("/{id}/tasks")
    String task(
            UnitScope scope,
            @PathVariable long id,
            @RequestParam TaskPhase phase,
            @RequestParam String title,
            @RequestParam(required = false) @Nullable String owner) {
        incidents.addTask(scope, id, phase, title, owner);
        return "redirect:/incidents/" + id + "#tasks";
    }

    @PostMapping("/{id}/tasks/{taskId}/done")
    String done(UnitScope scope, @PathVariable long id, @PathVariable long taskId) {
        incidents.completeTask(scope, taskId);
        return "redirect:/incidents/" + id + "#tasks";
    }

    @PostMapping("/{id}/comments")
    String comment(UnitScope scope, @PathVariable long id, @RequestParam String text) {
        incidents.comment(scope, id, text);
        return "redirect:/incidents/" + id + "#timeline";
    }

    @PostMapping("/{id}/evidence")
    String evidence(UnitScope scope, @PathVariable long id, @RequestParam("file") MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            incidents.addEvidence(scope, id, name(file), in);
        }
        return "redirect:/incidents/" + id + "#evidence";
    }

    @PostMapping("/{id}/form")
    String form03(UnitScope scope, @PathVariable long id, @ModelAttribute FormFields f) {
        incidents.updateForm(scope, id, f.toForm());
        return "redirect:/incidents/" + id;
    }

    /**
     * Form binding for the initial report's fields. It mirrors {@link InitialReportForm} because an unticked
     * checkbox is absent from the post: the primitive booleans of the record cannot bind it, these nullable ones can.
     */
    record FormFields(
            @Nullable String organisation,
            @Nullable String address,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String contactPerson,
            @Nullable String operator,
            @Nullable String owner,
            @Nullable String systemName,
            @Nullable String domains,
            @Nullable String ips,
            @Nullable String securityLevel,
            @Nullable String providers,
            @Nullable String howDetected,
            @Nullable String alreadyNotified,
            @Nullable String operatingSystem,
            @Nullable String affectedServices,
            @Nullable String measures,
            @Nullable String attachments,
            @Nullable Boolean confidential,
            @Nullable String supportRequested,
            @Nullable Boolean handled) {
        InitialReportForm toForm() {
            return new InitialReportForm(
                    organisation,
                    address,
                    phone,
                    email,
                    contactPerson,
                    operator,
                    owner,
                    systemName,
                    domains,
                    ips,
                    securityLevel,
                    providers,
                    howDetected,
                    alreadyNotified,
                    operatingSystem,
                    affectedServices,
                    measures,
                    attachments,
                    Boolean.TRUE.equals(confidential),
                    supportRequested,
                    Boolean.TRUE.equals(handled));
        }
    }

    @GetMapping("/evidence/{evidenceId}")
    ResponseEntity<Resource> download(UnitScope scope, @PathVariable long evidenceId) throws IOException {
        return IncidentApi.evidenceResponse(incidents.evidenceFile(scope, evidenceId));
    }

    @GetMapping("/{id}/report/initial.docx")
    ResponseEntity<byte[]> initial(UnitScope scope, @PathVariable long id) {
        return IncidentApi.docx(incidents.initialReport(scope, id), "bao-cao-ban-dau-SC-" + id + ".docx");
    }

    @GetMapping("/{id}/report/final.docx")
    ResponseEntity<byte[]> fin(UnitScope scope, @PathVariable long id) {
        return IncidentApi.docx(incidents.finalReport(scope, id), "bao-cao-ket-thuc-SC-" + id + ".docx");
    }

    /** One text field of form 03 with its Vietnamese label and current value. */
    record FormField(String name, String label, @Nullable String value) {}

    private static final java.util.Map<String, String> LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("organisation", "Tổ chức báo cáo"),
            java.util.Map.entry("address", "Địa chỉ"),
            java.util.Map.entry("phone", "Điện thoại"),
            java.util.Map.entry("email", "Thư điện tử"),
            java.util.Map.entry("contactPerson", "Người liên hệ"),
            java.util.Map.entry("operator", "Đơn vị vận hành"),
            java.util.Map.entry("owner", "Chủ quản hệ thống"),
            java.util.Map.entry("systemName", "Tên hệ thống"),
            java.util.Map.entry("domains", "Tên miền"),
            java.util.Map.entry("ips", "Địa chỉ IP"),
            java.util.Map.entry("securityLevel", "Cấp độ an toàn HTTT"),
            java.util.Map.entry("providers", "Nhà cung cấp dịch vụ ATTT, kết nối"),
            java.util.Map.entry("howDetected", "Cách phát hiện (IDS, nhật ký, được thông báo, khác)"),
            java.util.Map.entry("alreadyNotified", "Đã thông báo cho"),
            java.util.Map.entry("operatingSystem", "Hệ điều hành"),
            java.util.Map.entry("affectedServices", "Dịch vụ bị ảnh hưởng (web, thư, CSDL, khác)"),
            java.util.Map.entry("measures", "Biện pháp đang áp dụng (AV, tường lửa, IDS, khác)"),
            java.util.Map.entry("attachments", "Tài liệu gửi kèm"),
            java.util.Map.entry("supportRequested", "Đề nghị hỗ trợ"));

    static java.util.List<FormField> formFields(InitialReportForm form) {
        java.util.List<FormField> out = new java.util.ArrayList<>();
        for (java.lang.reflect.RecordComponent c : InitialReportForm.class.getRecordComponents()) {
            if (c.getType() != String.class) {
                continue;
            }
            try {
                out.add(new FormField(c.getName(), LABELS.getOrDefault(c.getName(), c.getName()), (String)
                        c.getAccessor().invoke(form)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static String name(MultipartFile f) {
        return f.getOriginalFilename() == null ? "evidence.bin" : f.getOriginalFilename();
    }
}
