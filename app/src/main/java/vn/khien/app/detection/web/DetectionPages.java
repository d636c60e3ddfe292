package vn.khien.app.detection.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.app.detection.Alert;
import vn.khien.app.detection.DetectionException;
import vn.khien.app.detection.DetectionService;
import vn.khien.app.detection.IngestResult;
import vn.khien.app.detection.internal.LimitedInputStream;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.Jobs;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.CurrentCaller;
import vn.khien.app.security.KhienPrincipal;
import vn.khien.core.logs.LogFormats;

/** Pages of detection: alerts (list, per unit, one alert), log sources and their counters, log upload. */
@Controller
class DetectionPages {
    private final DetectionService detection;
    private final UnitService units;
    private final Jobs jobs;
    private final CurrentCaller caller;

    DetectionPages(DetectionService detection, UnitService units, Jobs jobs, CurrentCaller caller) {
        this.detection = detection;
        this.units = units;
        this.jobs = jobs;
        this.caller = caller;
    }

    @GetMapping("/detection/alerts")
    String alerts(
            UnitScope scope,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String rule,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        int size = 100;
        List<Alert> alerts = detection.alerts(scope, unit, severity, status, rule, size + 1, page * size);
        List<Unit> visible = units.all(scope);
        Map<Long, String> names = new HashMap<>();
        visible.forEach(u -> names.put(u.id(), u.name()));
        model.addAttribute("alerts", alerts);
        model.addAttribute("size", size);
        model.addAttribute("page", page);
        model.addAttribute("units", visible);
        model.addAttribute("unitNames", names);
        model.addAttribute("unit", unit);
        model.addAttribute("unitName", unit == null ? null : names.get(unit));
        model.addAttribute("severity", severity);
        model.addAttribute("status", status);
        model.addAttribute("rule", rule);
        return "detection/alerts";
    }

    @GetMapping("/detection/alerts/{id}")
    String alert(UnitScope scope, @PathVariable long id, Model model) {
        Alert a = detection.alert(scope, id);
        model.addAttribute("alert", a);
        model.addAttribute("evidence", detection.evidence(scope, id));
        model.addAttribute(
                "unit",
                a.unitId() == null ? null : units.find(scope, a.unitId()).orElse(null));
        return "detection/alert";
    }

    @PostMapping("/detection/alerts/{id}/status")
    String status(UnitScope scope, @PathVariable long id, @RequestParam String status) {
        detection.setStatus(scope, id, status);
        return "redirect:/detection/alerts/" + id;
    }

    @GetMapping("/detection/sources")
    String sources(UnitScope scope, Model model) {
        model.addAttribute("sources", detection.sources(scope));
        return "detection/sources";
    }

    @GetMapping("/detection/upload")
    String uploadForm(UnitScope scope, Model model) {
        model.addAttribute("formats", LogFormats.names());
        return "detection/upload";
    }

    @PostMapping("/detection/upload")
    String upload(
            UnitScope scope,
            @RequestParam(defaultValue = "auto") String format,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam MultipartFile file,
            Model model)
            throws IOException {
        if (file.isEmpty()) {
            throw new DetectionException(DetectionException.Kind.INVALID, "choose a log file");
        }
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        String src = source == null || source.isBlank() ? "upload:" + name : source;
        Path tmp = Files.createTempFile("khien-log", ".log");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        long size = Files.size(tmp);
        // a unit officer's job belongs to their unit, so that they can follow it
        Long jobUnit = scope.all()
                ? null
                : caller.principal().map(KhienPrincipal::unitId).orElse(null);
        Jobs.View job = jobs.start("Phân tích nhật ký " + name, jobUnit, p -> {
            p.total(size);
            try (InputStream in = new LimitedInputStream(Files.newInputStream(tmp), Long.MAX_VALUE, n -> {
                p.advance(n);
                if (p.cancelled()) {
                    throw new DetectionException(DetectionException.Kind.INVALID, "cancelled");
                }
            })) {
                IngestResult r = detection.ingest(scope, src, "UPLOAD", format, in);
                p.message(r.format() + ": " + r.lines() + " dòng, " + r.malformed() + " lỗi, " + r.matched() + " khớp, "
                        + r.alertsCreated() + " cảnh báo mới");
                return r;
            } finally {
                Files.deleteIfExists(tmp);
            }
        });
        model.addAttribute("job", job);
        return uploadForm(scope, model);
    }
}
