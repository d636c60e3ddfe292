package vn.khien.app.inventory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.app.inventory.Classification;
import vn.khien.app.inventory.Endpoint;
import vn.khien.app.inventory.EndpointFilter;
import vn.khien.app.inventory.ImportResult;
import vn.khien.app.inventory.InventoryException;
import vn.khien.app.inventory.InventoryService;
import vn.khien.app.inventory.OsqueryService;
import vn.khien.app.inventory.internal.CountingReader;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.Jobs;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.web.Xlsx;
import vn.khien.core.inventory.Zone;

/** Pages of the inventory: endpoint list and page, imports with job progress and reports, enroll secrets. */
@Controller
class InventoryPages {
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int PAGE = 100;

    private final InventoryService inventory;
    private final OsqueryService osquery;
    private final UnitService units;
    private final Jobs jobs;

    InventoryPages(InventoryService inventory, OsqueryService osquery, UnitService units, Jobs jobs) {
        this.inventory = inventory;
        this.osquery = osquery;
        this.units = units;
        this.jobs = jobs;
    }

    private Map<Long, String> unitNames(UnitScope scope) {
        Map<Long, String> names = new HashMap<>();
        for (Unit u : units.all(scope)) {
            names.put(u.id(), u.name());
        }
        return names;
    }

    @GetMapping("/endpoints")
    String list(
            UnitScope scope,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        EndpointFilter filter = new EndpointFilter(unit, q, zone);
        model.addAttribute("endpoints", inventory.list(scope, filter, PAGE + 1, Math.max(0, page) * PAGE));
        model.addAttribute("total", inventory.count(scope, unit));
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("units", units.all(scope));
        model.addAttribute("unitNames", unitNames(scope));
        model.addAttribute("zones", Zone.values());
        model.addAttribute("unit", unit);
        model.addAttribute("q", q);
        model.addAttribute("zone", zone);
        return "inventory/endpoints";
    }

    @GetMapping("/endpoints.xlsx")
    void export(
            UnitScope scope,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String zone,
            HttpServletResponse response)
            throws IOException {
        Map<Long, String> names = unitNames(scope);
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (Endpoint e : inventory.list(scope, new EndpointFilter(unit, q, zone), 100_000, 0)) {
            rows.add(Arrays.asList(
                    e.displayName(),
                    e.hostKey(),
                    e.unitId() == null ? null : names.get(e.unitId()),
                    e.zone(),
                    e.handlesSecrets() ? "x" : null,
                    e.os(),
                    String.join(", ", e.ips()),
                    e.securityProducts(),
                    local(e.firstSeen()),
                    local(e.lastSeen())));
        }
        Xlsx.write(
                response,
                "may-tram.xlsx",
                "Máy trạm",
                List.of(
                        "Tên máy / Hostname",
                        "Mã định danh / Host key",
                        "Đơn vị / Unit",
                        "Vùng mạng / Zone",
                        "Xử lý bí mật / Secrets",
                        "Hệ điều hành / OS",
                        "IP",
                        "Sản phẩm bảo mật / Security products",
                        "Thấy lần đầu / First seen",
                        "Thấy lần cuối / Last seen"),
                rows);
    }

    private static @Nullable String local(@Nullable Instant i) {
        return i == null
                ? null
                : LocalDateTime.ofInstant(i, VN).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
    }

    @GetMapping("/endpoints/{id}")
    String endpoint(UnitScope scope, @PathVariable long id, Model model) {
        Endpoint e = inventory.get(scope, id);
        model.addAttribute("endpoint", e);
        model.addAttribute("snapshot", inventory.snapshot(scope, id));
        model.addAttribute(
                "unitName", e.unitId() == null ? null : unitNames(scope).get(e.unitId()));
        model.addAttribute("units", units.all(scope));
        model.addAttribute("zones", Zone.values());
        return "inventory/endpoint";
    }

    @PostMapping("/endpoints/{id}/unit")
    String reassign(UnitScope scope, @PathVariable long id, @RequestParam long unitId, RedirectAttributes flash) {
        inventory.reassign(scope, id, unitId, null);
        flash.addFlashAttribute("notice", "saved");
        return "redirect:/endpoints/" + id;
    }

    @PostMapping("/endpoints/{id}/classification")
    String classify(
            UnitScope scope,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(defaultValue = "false") boolean handlesSecrets,
            @RequestParam(defaultValue = "false") boolean server,
            RedirectAttributes flash) {
        Zone z = zone == null || zone.isBlank() ? null : Zone.parse(zone).orElse(null);
        inventory.classify(scope, id, new Classification(z, handlesSecrets, server));
        flash.addFlashAttribute("notice", "saved");
        return "redirect:/endpoints/" + id;
    }

    @GetMapping("/inventory/import")
    String importPage(UnitScope scope, Model model) {
        model.addAttribute("profiles", inventory.profiles());
        model.addAttribute("imports", inventory.recentImports(scope));
        model.addAttribute("secrets", osquery.secrets(scope));
        model.addAttribute("queries", osquery.queries(scope));
        model.addAttribute("units", units.all(scope));
        model.addAttribute("unitNames", unitNames(scope));
        return "inventory/import";
    }

    @GetMapping("/inventory/imports/{id}")
    String importReport(UnitScope scope, @PathVariable long id, Model model) {
        model.addAttribute("detail", inventory.importDetail(scope, id));
        return "inventory/import-report";
    }

    private static @Nullable Long jobUnit(UnitScope scope) {
        return scope.all() || scope.unitIds().isEmpty()
                ? null
                : scope.unitIds().iterator().next();
    }

    private static Path save(MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new InventoryException(InventoryException.Kind.INVALID, "empty upload");
        }
        Path tmp = Files.createTempFile("khien-import", ".upload");
        file.transferTo(tmp);
        return tmp;
    }

    private static String summary(ImportResult r) {
        return "#" + r.importId() + " · " + r.report().read() + " / "
                + r.report().accepted() + " / " + r.report().rejected() + " · +" + r.endpointsNew() + " ~"
                + r.endpointsChanged();
    }

    @PostMapping("/inventory/import/osquery")
    String importOsquery(UnitScope scope, @RequestParam MultipartFile file, Model model) throws IOException {
        Path tmp = save(file);
        String name = InventoryApi.name(file);
        long size = Files.size(tmp);
        Jobs.View job = jobs.start("osquery: " + name, jobUnit(scope), progress -> {
            progress.total(size);
            try (Reader r = new CountingReader(
                    Files.newBufferedReader(tmp, StandardCharsets.UTF_8), progress::advance, progress::cancelled)) {
                ImportResult result = inventory.importOsqueryLog(scope, r, name);
                progress.advance(size);
                progress.message(summary(result));
                return result;
            } finally {
                Files.deleteIfExists(tmp);
            }
        });
        model.addAttribute("job", job);
        return "inventory/import-started";
    }

    @PostMapping("/inventory/import/av-csv")
    String importAvCsv(
            UnitScope scope,
            @RequestParam MultipartFile file,
            @RequestParam String profile,
            @RequestParam(required = false) @Nullable String exportedAt,
            Model model)
            throws IOException {
        Instant at = exportedAt == null || exportedAt.isBlank()
                ? Instant.now()
                : LocalDateTime.parse(exportedAt).atZone(VN).toInstant();
        Path tmp = save(file);
        String name = InventoryApi.name(file);
        long size = Files.size(tmp);
        Jobs.View job = jobs.start(profile + ": " + name, jobUnit(scope), progress -> {
            progress.total(size);
            try (InputStream in = Files.newInputStream(tmp)) {
                ImportResult result = inventory.importAvCsv(scope, in, profile, at, name);
                progress.advance(size);
                progress.message(summary(result));
                return result;
            } finally {
                Files.deleteIfExists(tmp);
            }
        });
        model.addAttribute("job", job);
        return "inventory/import-started";
    }

    @PostMapping("/inventory/profiles")
    String saveProfile(@RequestParam String json, RedirectAttributes flash) {
        var p = inventory.saveProfile(json);
        flash.addFlashAttribute("savedProfile", p.product());
        return "redirect:/inventory/import#profiles";
    }

    @PostMapping("/inventory/queries")
    String queueQuery(UnitScope scope, @RequestParam long unitId, @RequestParam String sql) {
        osquery.queueQuery(scope, unitId, sql);
        return "redirect:/inventory/import#queries";
    }

    @PostMapping("/inventory/secrets")
    String createSecret(
            UnitScope scope,
            @RequestParam long unitId,
            @RequestParam(defaultValue = "") String label,
            RedirectAttributes flash) {
        OsqueryService.NewSecret s = osquery.createSecret(scope, unitId, label);
        flash.addFlashAttribute("newSecret", s.value());
        return "redirect:/inventory/import#secrets";
    }

    @PostMapping("/inventory/secrets/{id}/revoke")
    String revokeSecret(UnitScope scope, @PathVariable long id) {
        osquery.revokeSecret(scope, id);
        return "redirect:/inventory/import#secrets";
    }
}
