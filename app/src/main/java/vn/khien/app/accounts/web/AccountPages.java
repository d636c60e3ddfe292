package vn.khien.app.accounts.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.app.accounts.Account;
import vn.khien.app.accounts.AccountAuditService;
import vn.khien.app.accounts.AccountService;
import vn.khien.app.accounts.ConnectionDraft;
import vn.khien.app.accounts.DirectoryKind;
import vn.khien.app.accounts.Remediation;
import vn.khien.app.accounts.RemediationService;
import vn.khien.app.accounts.SystemKind;
import vn.khien.app.org.Person;
import vn.khien.app.org.PersonService;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.accounts.hashes.HashFormat;

/**
 * Pages of the account registry: accounts per unit with findings, the account page, systems and directory
 * connections (bind password write-only), audit runs (counts only) and the approval queue.
 */
@Controller
class AccountPages {
    private static final int PAGE = 100;

    private final AccountService accounts;
    private final AccountAuditService audits;
    private final RemediationService remediation;
    private final UnitService units;
    private final PersonService people;

    AccountPages(
            AccountService accounts,
            AccountAuditService audits,
            RemediationService remediation,
            UnitService units,
            PersonService people) {
        this.accounts = accounts;
        this.audits = audits;
        this.remediation = remediation;
        this.units = units;
        this.people = people;
    }

    @GetMapping("/accounts")
    String list(
            UnitScope scope,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("accounts", accounts.accounts(scope, unit, q, PAGE + 1, page * PAGE));
        model.addAttribute("units", units.all(scope));
        model.addAttribute("unit", unit);
        model.addAttribute("q", q);
        model.addAttribute("page", page);
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("summary", audits.openByRule(scope));
        model.addAttribute("findings", audits.findings(scope, null, null, true));
        return "accounts/list";
    }

    @GetMapping("/accounts/{id}")
    String account(UnitScope scope, @PathVariable long id, Model model) {
        Account a = accounts.account(scope, id);
        model.addAttribute("account", a);
        model.addAttribute("findings", audits.findings(scope, id, null, false));
        model.addAttribute("remediations", remediation.list(scope, id, false));
        model.addAttribute("actions", Remediation.Action.values());
        model.addAttribute("notices", accounts.notices(scope, id));
        // candidates for a change of owner: active people of the account's unit and its sub-units
        model.addAttribute(
                "owners",
                people.search(scope, a.unitId(), null, 500, 0).stream()
                        .filter(Person::active)
                        .toList());
        return "accounts/account";
    }

    @PostMapping("/accounts/findings/{id}/propose")
    String propose(
            UnitScope scope,
            @PathVariable long id,
            @RequestParam Remediation.Action action,
            @RequestParam(required = false) @Nullable String reason) {
        long account = audits.finding(scope, id).accountId();
        remediation.propose(scope, id, action, reason);
        return "redirect:/accounts/" + account;
    }

    @PostMapping("/accounts/{id}/requests")
    String request(
            UnitScope scope,
            @PathVariable long id,
            @RequestParam vn.khien.app.accounts.LifecycleRequest.Kind kind,
            @RequestParam(required = false) @Nullable Long personId,
            @RequestParam(required = false) @Nullable String reason) {
        Account a = accounts.account(scope, id);
        remediation.request(scope, kind, a.systemId(), a.id(), null, personId, reason);
        return "redirect:/accounts/approvals";
    }

    // systems and connections

    @GetMapping("/accounts/systems")
    String systems(UnitScope scope, Model model) {
        model.addAttribute("systems", accounts.systems(scope));
        model.addAttribute("connections", accounts.connections(scope));
        model.addAttribute("units", units.all(scope));
        model.addAttribute("kinds", SystemKind.values());
        model.addAttribute("directoryKinds", DirectoryKind.values());
        model.addAttribute(
                "owners",
                people.search(scope, null, null, 1000, 0).stream()
                        .filter(Person::active)
                        .toList());
        return "accounts/systems";
    }

    @PostMapping("/accounts/issue")
    String issue(
            UnitScope scope,
            @RequestParam long systemId,
            @RequestParam String login,
            @RequestParam long personId,
            @RequestParam(required = false) @Nullable String reason) {
        remediation.request(
                scope,
                vn.khien.app.accounts.LifecycleRequest.Kind.ISSUE,
                systemId,
                null,
                login.strip(),
                personId,
                reason);
        return "redirect:/accounts/approvals";
    }

    @PostMapping("/accounts/systems")
    String createSystem(
            UnitScope scope, @RequestParam String name, @RequestParam SystemKind kind, @RequestParam long unitId) {
        accounts.createSystem(scope, name, kind, unitId);
        return "redirect:/accounts/systems";
    }

    @PostMapping("/accounts/connections/new")
    String createConnection(
            UnitScope scope,
            @RequestParam("systemId") long id,
            @RequestParam DirectoryKind kind,
            @RequestParam String url,
            @RequestParam String baseDn,
            @RequestParam String bindDn,
            @RequestParam String bindPassword,
            @RequestParam(required = false) @Nullable String adminGroup,
            @RequestParam(required = false) @Nullable String mfaGroup,
            @RequestParam(defaultValue = "false") boolean auditPasswords,
            @RequestParam(required = false) @Nullable Integer syncEveryHours) {
        accounts.createConnection(
                scope,
                id,
                new ConnectionDraft(
                        kind, url, baseDn, bindDn, bindPassword, adminGroup, mfaGroup, auditPasswords, syncEveryHours));
        return "redirect:/accounts/systems";
    }

    @PostMapping("/accounts/connections/{id}/sync")
    String sync(UnitScope scope, @PathVariable long id, Model model) {
        model.addAttribute("job", accounts.startSync(scope, id));
        model.addAttribute("back", "/accounts/systems");
        return "accounts/job";
    }

    @PostMapping("/accounts/systems/{id}/import")
    String importCsv(UnitScope scope, @PathVariable long id, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        try (Reader r = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            model.addAttribute("result", accounts.importCsv(scope, id, r));
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("system", accounts.system(scope, id));
        return "accounts/imported";
    }

    // audits

    @GetMapping("/accounts/audits")
    String audits(UnitScope scope, Model model) {
        model.addAttribute("runs", audits.runs(scope));
        model.addAttribute("systems", accounts.systems(scope));
        model.addAttribute("formats", HashFormat.values());
        model.addAttribute("province", scope.all());
        return "accounts/audits";
    }

    @PostMapping("/accounts/audits/registry")
    String registry(UnitScope scope, @RequestParam(defaultValue = "45") int idleDays) {
        audits.runRegistryAudit(scope, idleDays);
        return "redirect:/accounts/audits";
    }

    @PostMapping("/accounts/audits/hashes")
    String hashes(
            UnitScope scope,
            @RequestParam("file") MultipartFile file,
            @RequestParam HashFormat format,
            @RequestParam(defaultValue = "0") long systemId,
            Model model)
            throws IOException {
        model.addAttribute("job", audits.startHashAudit(scope, systemId, format, file.getBytes()));
        model.addAttribute("back", "/accounts/audits");
        return "accounts/job";
    }

    @PostMapping("/accounts/audits/combolist")
    String combolist(
            UnitScope scope,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String path,
            @RequestParam(name = "currentNtlm", required = false) @Nullable MultipartFile currentNtlm,
            Model model)
            throws IOException {
        boolean upload = file != null && !file.isEmpty();
        model.addAttribute(
                "job",
                audits.startCombolistScan(
                        scope,
                        upload ? file.getInputStream() : null,
                        path,
                        currentNtlm == null || currentNtlm.isEmpty() ? null : currentNtlm.getBytes()));
        model.addAttribute("back", "/accounts/audits");
        return "accounts/job";
    }

    // approvals

    @GetMapping("/accounts/approvals")
    String approvals(UnitScope scope, Model model) {
        model.addAttribute("pending", remediation.list(scope, null, true));
        model.addAttribute("recent", remediation.list(scope, null, false));
        model.addAttribute("requests", remediation.requests(scope, false));
        return "accounts/approvals";
    }

    @PostMapping("/accounts/remediations/{id}/approve")
    String approve(UnitScope scope, @PathVariable long id) {
        remediation.approve(scope, id);
        return "redirect:/accounts/approvals";
    }

    @PostMapping("/accounts/remediations/{id}/reject")
    String reject(UnitScope scope, @PathVariable long id) {
        remediation.reject(scope, id);
        return "redirect:/accounts/approvals";
    }

    @PostMapping("/accounts/requests/{id}/approve")
    String approveRequest(UnitScope scope, @PathVariable long id) {
        remediation.decideRequest(scope, id, true);
        return "redirect:/accounts/approvals";
    }

    @PostMapping("/accounts/requests/{id}/reject")
    String rejectRequest(UnitScope scope, @PathVariable long id) {
        remediation.decideRequest(scope, id, false);
        return "redirect:/accounts/approvals";
    }
}
