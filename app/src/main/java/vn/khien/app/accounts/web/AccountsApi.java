package vn.khien.app.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.app.accounts.Account;
import vn.khien.app.accounts.AccountAuditService;
import vn.khien.app.accounts.AccountException;
import vn.khien.app.accounts.AccountImportResult;
import vn.khien.app.accounts.AccountService;
import vn.khien.app.accounts.AccountSystem;
import vn.khien.app.accounts.AuditRun;
import vn.khien.app.accounts.ConnectionDraft;
import vn.khien.app.accounts.DirectoryConnection;
import vn.khien.app.accounts.Finding;
import vn.khien.app.accounts.LifecycleRequest;
import vn.khien.app.accounts.Remediation;
import vn.khien.app.accounts.RemediationService;
import vn.khien.app.accounts.SystemKind;
import vn.khien.app.platform.Jobs;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.accounts.hashes.HashFormat;

/** REST API of the account registry, its audits and the remediation workflow, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Official accounts, directory sync, password and leak audits, remediation")
class AccountsApi {
    private final AccountService accounts;
    private final AccountAuditService audits;
    private final RemediationService remediation;

    AccountsApi(AccountService accounts, AccountAuditService audits, RemediationService remediation) {
        this.accounts = accounts;
        this.audits = audits;
        this.remediation = remediation;
    }

    record SystemBody(String name, SystemKind kind, long unitId) {}

    record ProposalBody(
            long findingId,
            Remediation.Action action,
            @Nullable String reason) {}

    record RequestBody2(
            LifecycleRequest.Kind kind,
            long systemId,
            @Nullable Long accountId,
            @Nullable String login,
            @Nullable Long personId,
            @Nullable String reason) {}

    @GetMapping
    @Operation(summary = "Accounts in scope, optionally of one unit or matching a login or email")
    List<Account> list(
            UnitScope scope,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "200") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return accounts.accounts(scope, unit, q, limit, offset);
    }

    @GetMapping("/{id}")
    Account account(UnitScope scope, @PathVariable long id) {
        return accounts.account(scope, id);
    }

    @GetMapping("/{id}/findings")
    List<Finding> accountFindings(UnitScope scope, @PathVariable long id) {
        accounts.account(scope, id);
        return audits.findings(scope, id, null, false);
    }

    @GetMapping("/{id}/notices")
    @Operation(summary = "Mails sent to the account's owner (delivery status only, never the content)")
    List<vn.khien.app.accounts.OwnerNotice> notices(UnitScope scope, @PathVariable long id) {
        return accounts.notices(scope, id);
    }

    @GetMapping("/findings")
    @Operation(summary = "Account findings in scope, by rule (ACCOUNT-IDLE, ...) and open only by default")
    List<Finding> findings(
            UnitScope scope,
            @RequestParam(required = false) @Nullable String rule,
            @RequestParam(defaultValue = "true") boolean open) {
        return audits.findings(scope, null, rule, open);
    }

    @GetMapping("/findings/summary")
    Map<String, Long> summary(UnitScope scope) {
        return audits.openByRule(scope);
    }

    // systems and connections

    @GetMapping("/systems")
    List<AccountSystem> systems(UnitScope scope) {
        return accounts.systems(scope);
    }

    @PostMapping("/systems")
    @ResponseStatus(HttpStatus.CREATED)
    AccountSystem createSystem(UnitScope scope, @RequestBody SystemBody body) {
        return accounts.createSystem(scope, body.name(), body.kind(), body.unitId());
    }

    @PostMapping(path = "/systems/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Imports a CSV of the system's accounts (one transaction) and runs the registry audit")
    AccountImportResult importCsv(UnitScope scope, @PathVariable long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        try (Reader r = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return accounts.importCsv(scope, id, r);
        }
    }

    @GetMapping("/connections")
    @Operation(summary = "Directory connections; the bind password is never returned")
    List<DirectoryConnection> connections(UnitScope scope) {
        return accounts.connections(scope);
    }

    @PostMapping("/systems/{id}/connections")
    @ResponseStatus(HttpStatus.CREATED)
    DirectoryConnection createConnection(UnitScope scope, @PathVariable long id, @RequestBody ConnectionDraft body) {
        return accounts.createConnection(scope, id, body);
    }

    @PutMapping("/connections/{id}")
    DirectoryConnection updateConnection(UnitScope scope, @PathVariable long id, @RequestBody ConnectionDraft body) {
        return accounts.updateConnection(scope, id, body);
    }

    @PostMapping("/connections/{id}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Starts a directory sync as a job (poll /api/v1/jobs/{id})")
    Jobs.View sync(UnitScope scope, @PathVariable long id) {
        return accounts.startSync(scope, id);
    }

    // audits

    @PostMapping("/audits/registry")
    AccountAuditService.RegistryCounts registryAudit(UnitScope scope, @RequestParam(defaultValue = "45") int idleDays) {
        return audits.runRegistryAudit(scope, idleDays);
    }

    @PostMapping(path = "/audits/hashes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Audits an NTLM (pwdump), LDAP or bcrypt hash export as a job; hashes are never kept")
    Jobs.View hashAudit(
            UnitScope scope,
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "NTLM") HashFormat format,
            @RequestParam(defaultValue = "0") long systemId)
            throws IOException {
        return audits.startHashAudit(scope, systemId, format, file.getBytes());
    }

    @PostMapping(path = "/audits/combolist", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Scans a combolist for the province's mail domains as a job")
    Jobs.View combolist(
            UnitScope scope,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String path,
            @RequestPart(name = "currentNtlm", required = false) @Nullable MultipartFile currentNtlm)
            throws IOException {
        if (file == null && (path == null || path.isBlank())) {
            throw AccountException.invalid("file: upload a combolist or give a server path");
        }
        return audits.startCombolistScan(
                scope,
                file == null ? null : file.getInputStream(),
                path,
                currentNtlm == null ? null : currentNtlm.getBytes());
    }

    @GetMapping("/audits")
    List<AuditRun> runs(UnitScope scope) {
        return audits.runs(scope);
    }

    @GetMapping("/audits/{id}")
    AuditRun run(UnitScope scope, @PathVariable long id) {
        return audits.run(scope, id);
    }

    // remediation and lifecycle

    @GetMapping("/remediations")
    List<Remediation> remediations(UnitScope scope, @RequestParam(defaultValue = "false") boolean pending) {
        return remediation.list(scope, null, pending);
    }

    @GetMapping("/remediations/{id}")
    Remediation remediation(UnitScope scope, @PathVariable long id) {
        return remediation.get(scope, id);
    }

    @PostMapping("/remediations")
    @ResponseStatus(HttpStatus.CREATED)
    Remediation propose(UnitScope scope, @RequestBody ProposalBody body) {
        return remediation.propose(scope, body.findingId(), body.action(), body.reason());
    }

    @PostMapping("/remediations/{id}/approve")
    Remediation approve(UnitScope scope, @PathVariable long id) {
        return remediation.approve(scope, id);
    }

    @PostMapping("/remediations/{id}/reject")
    Remediation reject(UnitScope scope, @PathVariable long id) {
        return remediation.reject(scope, id);
    }

    @GetMapping("/requests")
    List<LifecycleRequest> requests(UnitScope scope, @RequestParam(defaultValue = "false") boolean pending) {
        return remediation.requests(scope, pending);
    }

    @PostMapping("/requests")
    @ResponseStatus(HttpStatus.CREATED)
    LifecycleRequest request(UnitScope scope, @RequestBody RequestBody2 body) {
        return remediation.request(
                scope, body.kind(), body.systemId(), body.accountId(), body.login(), body.personId(), body.reason());
    }

    @PostMapping("/requests/{id}/approve")
    LifecycleRequest approveRequest(UnitScope scope, @PathVariable long id) {
        return remediation.decideRequest(scope, id, true);
    }

    @PostMapping("/requests/{id}/reject")
    LifecycleRequest rejectRequest(UnitScope scope, @PathVariable long id) {
        return remediation.decideRequest(scope, id, false);
    }
}
