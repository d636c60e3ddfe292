package vn.khien.app.audit.web;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.khien.app.audit.AuditEntry;
import vn.khien.app.audit.AuditFilter;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.audit.ChainVerification;
import vn.khien.app.platform.KhienProperties;
import vn.khien.app.platform.UnitScope;

/** The audit trail page (filters, htmx paging), its verification, and the same list over the API. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','AUDITOR','POLICE','UNIT_HEAD','IT_OFFICER')")
class AuditPages {
    private static final int PAGE = 100;
    private final AuditTrail audit;
    private final KhienProperties properties;

    AuditPages(AuditTrail audit, KhienProperties properties) {
        this.audit = audit;
        this.properties = properties;
    }

    @GetMapping("/audit")
    String list(
            UnitScope scope,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        AuditFilter filter = new AuditFilter(blank(actor), blank(action), blank(entityType), from, to);
        List<AuditEntry> entries = audit.list(scope, filter, properties.zone(), PAGE + 1, page * PAGE);
        model.addAttribute("entries", entries.size() > PAGE ? entries.subList(0, PAGE) : entries);
        model.addAttribute("hasMore", entries.size() > PAGE);
        model.addAttribute("page", page);
        model.addAttribute("filter", filter);
        return htmx != null ? "audit/list :: rows" : "audit/list";
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','AUDITOR')")
    @GetMapping("/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", audit.verify());
        return "audit/verify";
    }

    @GetMapping("/api/v1/audit")
    @ResponseBody
    List<AuditEntry> api(
            UnitScope scope,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return audit.list(
                scope,
                new AuditFilter(blank(actor), blank(action), blank(entityType), from, to),
                properties.zone(),
                Math.min(Math.max(limit, 1), 1000),
                Math.max(offset, 0));
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','AUDITOR')")
    @GetMapping("/api/v1/audit/verify")
    @ResponseBody
    ChainVerification apiVerify() {
        return audit.verify();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
