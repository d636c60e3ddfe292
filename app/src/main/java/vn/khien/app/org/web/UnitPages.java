package vn.khien.app.org.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.app.org.OrgImportResult;
import vn.khien.app.org.OrgImportService;
import vn.khien.app.org.PersonService;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitDraft;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.org.UnitKind;

/** Pages of the unit tree: browser (htmx expands branches), unit page, changes, IP lookup and CSV import. */
@Controller
class UnitPages {
    private final UnitService units;
    private final PersonService people;
    private final OrgImportService imports;

    UnitPages(UnitService units, PersonService people, OrgImportService imports) {
        this.units = units;
        this.people = people;
        this.imports = imports;
    }

    @GetMapping("/units")
    String tree(UnitScope scope, Model model) {
        model.addAttribute("roots", units.roots(scope));
        model.addAttribute("kinds", UnitKind.values());
        return "org/units";
    }

    @GetMapping("/units/{id}/children")
    String children(UnitScope scope, @PathVariable long id, Model model) {
        units.get(scope, id);
        model.addAttribute("nodes", units.children(scope, id));
        return "org/unit-tree :: branch";
    }

    @GetMapping("/units/{id}")
    String unit(UnitScope scope, @PathVariable long id, Model model) {
        Unit unit = units.get(scope, id);
        model.addAttribute("unit", unit);
        model.addAttribute(
                "parent",
                unit.parentId() == null
                        ? null
                        : units.find(scope, unit.parentId()).orElse(null));
        model.addAttribute("children", units.children(scope, id));
        model.addAttribute("people", people.inUnit(scope, id));
        model.addAttribute("ranges", units.ipRanges(scope, id));
        model.addAttribute("domains", units.emailDomains(scope, id));
        model.addAttribute("history", units.history(scope, id));
        model.addAttribute("allUnits", units.all(scope));
        model.addAttribute("kinds", UnitKind.values());
        return "org/unit";
    }

    @PostMapping("/units")
    String create(
            UnitScope scope,
            @RequestParam String code,
            @RequestParam String name,
            @RequestParam UnitKind kind,
            @RequestParam(required = false) @Nullable Long parentId,
            @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") @Nullable LocalDate validFrom) {
        Unit u = units.create(scope, new UnitDraft(code.strip(), name, kind, parentId, validFrom));
        return "redirect:/units/" + u.id();
    }

    @PostMapping("/units/{id}/rename")
    String rename(
            UnitScope scope,
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") @Nullable LocalDate from) {
        units.rename(scope, id, name, from);
        return "redirect:/units/" + id;
    }

    @PostMapping("/units/{id}/move")
    String move(
            UnitScope scope,
            @PathVariable long id,
            @RequestParam long parentId,
            @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") @Nullable LocalDate from) {
        units.move(scope, id, parentId, from);
        return "redirect:/units/" + id;
    }

    @PostMapping("/units/{id}/merge")
    String merge(
            UnitScope scope,
            @PathVariable long id,
            @RequestParam long targetId,
            @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") @Nullable LocalDate from) {
        units.merge(scope, id, targetId, from);
        return "redirect:/units/" + targetId;
    }

    @PostMapping("/units/{id}/ip-ranges")
    String addRange(
            UnitScope scope,
            @PathVariable long id,
            @RequestParam String network,
            @RequestParam(required = false) @Nullable String note) {
        units.addIpRange(scope, id, network, note == null || note.isBlank() ? null : note.strip());
        return "redirect:/units/" + id;
    }

    @PostMapping("/units/{id}/ip-ranges/{rangeId}/delete")
    String removeRange(UnitScope scope, @PathVariable long id, @PathVariable long rangeId) {
        units.removeIpRange(scope, id, rangeId);
        return "redirect:/units/" + id;
    }

    @PostMapping("/units/{id}/domains")
    String addDomain(UnitScope scope, @PathVariable long id, @RequestParam String domain) {
        units.addEmailDomain(scope, id, domain);
        return "redirect:/units/" + id;
    }

    @GetMapping("/units/lookup")
    String lookup(UnitScope scope, @RequestParam(required = false) @Nullable String ip, Model model) {
        if (ip != null && !ip.isBlank()) {
            model.addAttribute("ip", ip.strip());
            units.ownerOf(scope, ip.strip())
                    .ifPresentOrElse(
                            r -> {
                                model.addAttribute("range", r);
                                model.addAttribute("owner", units.get(scope, r.unitId()));
                            },
                            () -> model.addAttribute("notFound", true));
        }
        return "org/lookup";
    }

    @GetMapping("/import")
    String importForm() {
        return "org/import";
    }

    @PostMapping("/import")
    String importCsv(UnitScope scope, @RequestParam String kind, @RequestParam MultipartFile file, Model model)
            throws IOException {
        try (Reader r = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            OrgImportResult result =
                    "people".equals(kind) ? imports.importPeople(scope, r) : imports.importUnits(scope, r);
            model.addAttribute("result", result);
        } catch (IllegalArgumentException e) {
            model.addAttribute("fileError", e.getMessage());
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("kind", kind);
        return "org/import";
    }

    @GetMapping("/units/as-of")
    String asOf(UnitScope scope, @RequestParam @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate date, Model model) {
        List<Unit> then = units.asOf(scope, date);
        model.addAttribute("date", date);
        model.addAttribute("unitsThen", then);
        return "org/as-of";
    }
}
