package vn.khien.app.incidents.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.app.detection.Alert;
import vn.khien.app.detection.DetectionService;
import vn.khien.app.incidents.AlertSummary;
import vn.khien.app.incidents.Incident;
import vn.khien.app.incidents.IncidentCategory;
import vn.khien.app.incidents.IncidentException;
import vn.khien.app.incidents.IncidentService;
import vn.khien.app.incidents.Severity;
import vn.khien.app.intel.IndicatorImportResult;
import vn.khien.app.intel.IntelService;
import vn.khien.app.platform.UnitScope;

/**
 * Where incidents meet detection and intelligence: an alert's page promotes it into an incident, and an
 * incident's indicators can be added to the indicator store (feed {@code incident-<code>}) so every log is
 * matched against them from then on.
 */
@Controller
class AlertPromotionPages {
    private final IncidentService incidents;
    private final DetectionService detection;
    private final IntelService intel;

    AlertPromotionPages(IncidentService incidents, DetectionService detection, IntelService intel) {
        this.incidents = incidents;
        this.detection = detection;
        this.intel = intel;
    }

    @PostMapping("/incidents/promote-alert/{alertId}")
    String promote(UnitScope scope, @PathVariable long alertId) {
        Alert alert = detection.alert(scope, alertId);
        if (alert.unitId() == null) {
            throw new IncidentException(
                    IncidentException.Kind.INVALID, "alert " + alertId + " is not attributed to a unit");
        }
        AlertSummary summary = new AlertSummary(
                String.valueOf(alert.id()),
                alert.unitId(),
                alert.sourceIp(),
                alert.indicatorValue(),
                Severity.valueOf(alert.severity()),
                alert.firstSeen());
        IncidentCategory category =
                switch (alert.rule()) {
                    case "CNC-CONTACT" -> IncidentCategory.MALWARE;
                    // a state-secret machine seen on a network is a possible leak of state secrets
                    case "SECRET-ZONE" -> IncidentCategory.DATA_LEAK;
                    default -> IncidentCategory.OTHER;
                };
        Incident created = incidents.promote(
                scope,
                List.of(summary),
                category,
                "Cảnh báo " + alert.rule() + ": " + alert.sourceIp() + " → " + alert.indicatorValue());
        return "redirect:/incidents/" + created.id();
    }

    @PostMapping("/incidents/{id}/indicators-to-intel")
    String toIntel(UnitScope scope, @PathVariable long id, RedirectAttributes flash) {
        Incident incident = incidents.get(scope, id);
        List<String> values = new ArrayList<>();
        if (incident.indicators() != null) {
            for (String v : incident.indicators().split("[\\s,;]+")) {
                // analysts write defanged values (hxxp, [.]) so nobody clicks them; the store wants them live
                String live =
                        v.strip().replace("hxxp", "http").replace("[.]", ".").replace("(.)", ".");
                if (!live.isEmpty()) {
                    values.add(live);
                }
            }
        }
        if (values.isEmpty()) {
            throw new IncidentException(IncidentException.Kind.INVALID, "the incident lists no indicators");
        }
        Path file = null;
        try {
            file = Files.createTempFile("khien-incident-ioc", ".txt");
            Files.write(file, values);
            IndicatorImportResult result = intel.importFile("incident-" + incident.code(), file);
            flash.addFlashAttribute("intelImport", result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind holds only indicator values
                }
            }
        }
        incidents.comment(
                scope,
                id,
                "Đã thêm " + values.size() + " dấu hiệu vào kho IOC (nguồn incident-" + incident.code() + ")");
        return "redirect:/incidents/" + id;
    }
}
