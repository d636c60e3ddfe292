package vn.khien.app.accounts;

import com.unboundid.ldap.sdk.LDAPException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.app.accounts.internal.AccountDao;
import vn.khien.app.accounts.internal.AccountFindingDao;
import vn.khien.app.accounts.internal.LdapDirectory;
import vn.khien.app.accounts.internal.RemediationDao;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.security.SecretBox;

/**
 * The lock/disable/force-reset workflow: a proposal per finding with a dry run read from the directory,
 * approval by the head of the account's unit or the province coordinator, execution through LDAP and
 * re-verification by reading the entry back; and account lifecycle requests (issue, change owner, revoke).
 * Every step is in the audit trail. The owner (when the account has one) is mailed once the approval commits, and the
 * delivery is recorded ({@code notificationDue}, {@link OwnerNotice}).
 */
@Service
public class RemediationService {
    private static final String PROPOSERS = "hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER','RESPONDER','UNIT_HEAD')";
    private static final String APPROVERS = "hasAnyRole('UNIT_HEAD','COORDINATOR')";

    private final RemediationDao remediations;
    private final AccountFindingDao findings;
    private final AccountDao accounts;
    private final LdapDirectory directory;
    private final SecretBox secrets;
    private final AuditTrail audit;
    private final Clock clock;
    private final vn.khien.app.org.PersonService people;
    private final AccountAuditService audits;
    private final vn.khien.app.accounts.internal.OwnerNotices notices;

    public RemediationService(
            vn.khien.app.org.PersonService people,
            AccountAuditService audits,
            RemediationDao remediations,
            AccountFindingDao findings,
            AccountDao accounts,
            LdapDirectory directory,
            SecretBox secrets,
            AuditTrail audit,
            vn.khien.app.accounts.internal.OwnerNotices notices,
            Clock clock) {
        this.notices = notices;
        this.people = people;
        this.audits = audits;
        this.remediations = remediations;
        this.findings = findings;
        this.accounts = accounts;
        this.directory = directory;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Remediation> list(
            vn.khien.app.platform.UnitScope scope, @Nullable Long accountId, boolean pendingOnly) {
        return remediations.list(scope, accountId, pendingOnly);
    }

    @Transactional(readOnly = true)
    public Remediation get(vn.khien.app.platform.UnitScope scope, long id) {
        return remediations.find(scope, id).orElseThrow(() -> AccountException.notFound("remediation " + id));
    }

    /** Proposes an action on the account of a finding; for directory accounts the dry run is read now. */
    @PreAuthorize(PROPOSERS)
    @Transactional
    public Remediation propose(
            vn.khien.app.platform.UnitScope scope, long findingId, Remediation.Action action, @Nullable String reason) {
        Finding f =
                findings.finding(scope, findingId).orElseThrow(() -> AccountException.notFound("finding " + findingId));
        if (!f.open()) {
            throw AccountException.conflict("finding " + findingId + " is resolved");
        }
        Account a = accounts.account(scope, f.accountId()).orElseThrow();
        String dry = dryRun(a, action);
        long id = remediations.propose(
                f.id(), a.id(), a.unitId(), action, reason, dry, AccountService.actor(), clock.instant());
        Remediation created = get(scope, id);
        audit.record("accounts.remediation.propose", "account_remediation", id, a.unitId(), null, created);
        return created;
    }

    private String dryRun(Account a, Remediation.Action action) {
        Optional<DirectoryConnection> c = accounts.connectionOfSystem(a.systemId());
        if (c.isEmpty() || a.dn() == null) {
            return "not synced from a directory: " + action + " of " + a.login() + " must be done by hand in "
                    + a.systemName();
        }
        try {
            return "dry run: " + directory.dryRun(c.get(), password(c.get()), a.dn(), action);
        } catch (LDAPException e) {
            return "dry run failed: LDAP " + e.getResultCode() + " " + e.getDiagnosticMessage();
        }
    }

    /** Rejects a proposal. */
    @PreAuthorize(APPROVERS)
    @Transactional
    public Remediation reject(vn.khien.app.platform.UnitScope scope, long id) {
        Remediation before = pending(scope, id);
        remediations.decide(id, Remediation.Status.REJECTED, AccountService.actor(), clock.instant());
        Remediation after = get(scope, id);
        audit.record("accounts.remediation.reject", "account_remediation", id, after.unitId(), before, after);
        return after;
    }

    /**
     * Approves a proposal and, for a directory account, executes it: dry run again, apply, read the entry back.
     * Ends VERIFIED, FAILED, or APPROVED (to be done by hand) for accounts without a directory.
     */
    @PreAuthorize(APPROVERS)
    @Transactional
    public Remediation approve(vn.khien.app.platform.UnitScope scope, long id) {
        Remediation before = pending(scope, id);
        Instant now = clock.instant();
        remediations.decide(id, Remediation.Status.APPROVED, AccountService.actor(), now);
        Remediation approved = get(scope, id);
        audit.record("accounts.remediation.approve", "account_remediation", id, approved.unitId(), before, approved);
        Account a = accounts.account(scope, before.accountId()).orElseThrow();
        Optional<DirectoryConnection> c = accounts.connectionOfSystem(a.systemId());
        if (c.isEmpty() || a.dn() == null) {
            notifyOwner(a, approved);
            return approved;
        }
        String pw = password(c.get());
        Remediation.Status status;
        String result;
        boolean verified = false;
        try {
            String dry = directory.dryRun(c.get(), pw, a.dn(), before.action());
            directory.apply(c.get(), pw, a.dn(), before.action());
            Remediation executed = approved;
            audit.record(
                    "accounts.remediation.execute", "account_remediation", id, a.unitId(), null, Map.of("change", dry));
            verified = directory.verify(c.get(), pw, a.dn(), before.action());
            status = verified ? Remediation.Status.VERIFIED : Remediation.Status.FAILED;
            result = verified ? "applied and verified: " + dry : "applied, but the entry does not show it: " + dry;
            if (verified && before.action() != Remediation.Action.FORCE_RESET) {
                boolean disable =
                        before.action() == Remediation.Action.DISABLE || c.get().kind() == DirectoryKind.OPENLDAP;
                accounts.setState(a.id(), !disable && a.enabled(), true);
            }
        } catch (LDAPException e) {
            status = Remediation.Status.FAILED;
            result = "LDAP " + e.getResultCode() + ": " + e.getDiagnosticMessage();
        }
        remediations.executed(id, status, result, clock.instant(), verified);
        Remediation after = get(scope, id);
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("remediation", after);
        trail.put("ownerNotificationDue", after.notificationDue());
        audit.record(
                verified ? "accounts.remediation.verify" : "accounts.remediation.fail",
                "account_remediation",
                id,
                a.unitId(),
                approved,
                trail);
        notifyOwner(a, after);
        return after;
    }

    private void notifyOwner(Account a, Remediation r) {
        if (a.ownerPersonId() == null) {
            return;
        }
        String account = a.login() + " (" + a.systemName() + ")";
        String done =
                switch (r.status()) {
                    case VERIFIED -> "đã thực hiện và kiểm tra lại / done and verified";
                    case FAILED ->
                        "chưa thực hiện được, cán bộ CNTT sẽ liên hệ / could not be done, IT will contact you";
                    default -> "đã được phê duyệt, sẽ thực hiện thủ công / approved, to be done by hand";
                };
        String action =
                switch (r.action()) {
                    case LOCK -> "khoá tài khoản / lock the account";
                    case DISABLE -> "vô hiệu hoá tài khoản / disable the account";
                    case FORCE_RESET -> "buộc đổi mật khẩu / force a password change";
                };
        notices.afterCommit(
                new vn.khien.app.accounts.internal.OwnerNotices.Mail(
                        a,
                        a.ownerPersonId(),
                        OwnerNotice.Topic.REMEDIATION,
                        r.id(),
                        r.ruleId(),
                        "[Khiên] Tài khoản " + account + ": " + action,
                        "Tài khoản " + account + " vi phạm quy tắc " + r.ruleId() + ".\n"
                                + "Biện pháp / action: " + action + " — " + done + ".\n"
                                + "Người phê duyệt / approved by: " + r.approver() + ".\n"
                                + "Liên hệ cán bộ phụ trách CNTT của đơn vị để được hỗ trợ / ask your unit's IT officer for help.\n"));
    }

    /**
     * Applies an approved ISSUE: creates the entry in the system's directory (dry run, add, read back), registers the
     * account with its owner and mails the owner the one-time initial password (OpenLDAP; {@code pwdReset} makes
     * them change it). AD entries are created disabled: the AD administrator sets the password (unicodePwd needs
     * LDAPS). Without a directory the request is left to be done by hand.
     */
    private void issue(LifecycleRequest r) {
        vn.khien.app.platform.UnitScope all = vn.khien.app.platform.UnitScope.province();
        Optional<DirectoryConnection> c = accounts.connectionOfSystem(r.systemId());
        Instant now = clock.instant();
        if (c.isEmpty() || r.login() == null) {
            remediations.applied(
                    r.id(), null, null, "MANUAL", "no directory connection: issue the account by hand", now);
            return;
        }
        vn.khien.app.org.Person owner = r.personId() == null ? null : people.get(all, r.personId());
        String fullName = owner == null ? r.login() : owner.fullName();
        String sibling = accounts.ofSystem(r.systemId()).stream()
                .map(Account::dn)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        boolean ad = c.get().kind() == DirectoryKind.AD;
        String initial = ad || owner == null ? null : initialPassword();
        String pw = password(c.get());
        String dry = null;
        String outcome;
        String result;
        Long accountId = null;
        try {
            LdapDirectory.NewUser u = new LdapDirectory.NewUser(
                    LdapDirectory.dnFor(c.get(), r.login(), fullName, sibling),
                    r.login(),
                    fullName,
                    owner == null ? null : owner.email(),
                    initial);
            dry = directory.previewCreate(c.get(), pw, u);
            directory.create(c.get(), pw, u);
            audit.record(
                    "accounts.lifecycle.execute",
                    "account_lifecycle_request",
                    r.id(),
                    r.unitId(),
                    null,
                    Map.of("change", dry));
            boolean verified = directory.verifyCreated(c.get(), pw, u);
            outcome = verified ? "VERIFIED" : "FAILED";
            result = verified
                    ? "created and read back: " + u.dn()
                            + (ad ? "; disabled until the AD administrator sets the password" : "")
                    : "created, but the entry does not read back as expected: " + u.dn();
            long unitId = owner == null ? r.unitId() : owner.unitId();
            accounts.upsert(
                    r.systemId(),
                    unitId,
                    new AccountRecord(
                            r.login(), u.mail(), u.dn(), !ad, false, now, null, ad ? null : now, false, false),
                    owner == null ? null : owner.id(),
                    false,
                    "lifecycle");
            Account created = accounts.ofSystem(r.systemId()).stream()
                    .filter(a -> a.login().equalsIgnoreCase(r.login()))
                    .findFirst()
                    .orElseThrow();
            accountId = created.id();
            if (owner != null) {
                String account = created.login() + " (" + created.systemName() + ")";
                notices.afterCommit(new vn.khien.app.accounts.internal.OwnerNotices.Mail(
                        created,
                        owner.id(),
                        OwnerNotice.Topic.ISSUE,
                        r.id(),
                        null,
                        "[Khiên] Tài khoản mới / New account " + account,
                        ad
                                ? "Tài khoản " + account + " đã được tạo, đang khoá cho đến khi quản trị AD đặt mật"
                                        + " khẩu.\nAccount " + account + " was created, disabled until the AD"
                                        + " administrator sets its password.\n"
                                : "Tài khoản " + account + " đã được cấp. Mật khẩu ban đầu (dùng một lần, phải đổi"
                                        + " ngay khi đăng nhập): " + initial + "\n\nAccount " + account
                                        + " was issued. One-time initial password, to be changed at first sign-in: "
                                        + initial + "\n"));
            }
            audits.registryAudit(all, r.systemId(), 0);
        } catch (LDAPException e) {
            outcome = "FAILED";
            result = "LDAP " + e.getResultCode() + ": " + e.getDiagnosticMessage();
        }
        remediations.applied(r.id(), accountId, dry, outcome, result, clock.instant());
    }

    /** Applies an approved REVOKE like a DISABLE remediation: dry run, apply, read back, registry state. */
    private void revoke(LifecycleRequest r) {
        vn.khien.app.platform.UnitScope all = vn.khien.app.platform.UnitScope.province();
        Account a = accounts.account(all, r.accountId()).orElseThrow();
        Optional<DirectoryConnection> c = accounts.connectionOfSystem(a.systemId());
        if (c.isEmpty() || a.dn() == null) {
            accounts.setState(a.id(), false, a.locked());
            remediations.applied(
                    r.id(),
                    null,
                    null,
                    "MANUAL",
                    "disabled in the registry; disable it by hand in " + a.systemName(),
                    clock.instant());
            return;
        }
        String pw = password(c.get());
        String dry = null;
        String outcome;
        String result;
        try {
            dry = directory.dryRun(c.get(), pw, a.dn(), Remediation.Action.DISABLE);
            directory.apply(c.get(), pw, a.dn(), Remediation.Action.DISABLE);
            audit.record(
                    "accounts.lifecycle.execute",
                    "account_lifecycle_request",
                    r.id(),
                    a.unitId(),
                    null,
                    Map.of("change", dry));
            boolean verified = directory.verify(c.get(), pw, a.dn(), Remediation.Action.DISABLE);
            outcome = verified ? "VERIFIED" : "FAILED";
            result = verified ? "revoked and verified: " + dry : "applied, but the entry does not show it: " + dry;
            if (verified) {
                accounts.setState(a.id(), false, true);
                audits.registryAudit(all, a.systemId(), 0);
            }
        } catch (LDAPException e) {
            outcome = "FAILED";
            result = "LDAP " + e.getResultCode() + ": " + e.getDiagnosticMessage();
        }
        remediations.applied(r.id(), null, dry, outcome, result, clock.instant());
    }

    private static String initialPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder b = new StringBuilder("Kh#");
        for (int i = 0; i < 14; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private Remediation pending(vn.khien.app.platform.UnitScope scope, long id) {
        Remediation r = get(scope, id);
        if (r.status() != Remediation.Status.PROPOSED) {
            throw AccountException.conflict("remediation " + id + " is " + r.status());
        }
        return r;
    }

    private String password(DirectoryConnection c) {
        return secrets.decrypt(accounts.sealedPassword(c.id()));
    }

    // lifecycle

    @Transactional(readOnly = true)
    public List<LifecycleRequest> requests(vn.khien.app.platform.UnitScope scope, boolean pendingOnly) {
        return remediations.requests(scope, pendingOnly);
    }

    @PreAuthorize(PROPOSERS + " or hasRole('STAFF')")
    @Transactional
    public LifecycleRequest request(
            vn.khien.app.platform.UnitScope scope,
            LifecycleRequest.Kind kind,
            long systemId,
            @Nullable Long accountId,
            @Nullable String login,
            @Nullable Long personId,
            @Nullable String reason) {
        AccountSystem system =
                accounts.system(scope, systemId).orElseThrow(() -> AccountException.notFound("system " + systemId));
        long unitId = system.unitId();
        if (personId != null) {
            people.get(scope, personId);
        }
        if (kind == LifecycleRequest.Kind.CHANGE_OWNER && personId == null) {
            throw AccountException.invalid("personId: the new owner is required");
        }
        if (kind == LifecycleRequest.Kind.ISSUE) {
            if (login == null || login.isBlank()) {
                throw AccountException.invalid("login: the account to issue must have a login");
            }
        } else {
            if (accountId == null) {
                throw AccountException.invalid("accountId: required for " + kind);
            }
            Account a = accounts.account(scope, accountId)
                    .orElseThrow(() -> AccountException.notFound("account " + accountId));
            unitId = a.unitId();
            login = a.login();
        }
        long id = remediations.request(
                kind, unitId, systemId, accountId, login, personId, reason, AccountService.actor(), clock.instant());
        LifecycleRequest created = remediations.findRequest(scope, id).orElseThrow();
        audit.record("accounts.lifecycle.request", "account_lifecycle_request", id, unitId, null, created);
        return created;
    }

    @PreAuthorize(APPROVERS)
    @Transactional
    public LifecycleRequest decideRequest(vn.khien.app.platform.UnitScope scope, long id, boolean approve) {
        LifecycleRequest before =
                remediations.findRequest(scope, id).orElseThrow(() -> AccountException.notFound("request " + id));
        if (!"PROPOSED".equals(before.status())) {
            throw AccountException.conflict("request " + id + " is " + before.status());
        }
        remediations.decideRequest(id, approve ? "APPROVED" : "REJECTED", AccountService.actor(), clock.instant());
        if (approve
                && before.kind() == LifecycleRequest.Kind.CHANGE_OWNER
                && before.accountId() != null
                && before.personId() != null) {
            // the new owner becomes the registry's owner at once; the registry rules re-run for the account
            vn.khien.app.org.Person owner = people.get(vn.khien.app.platform.UnitScope.province(), before.personId());
            Account account = accounts.account(vn.khien.app.platform.UnitScope.province(), before.accountId())
                    .orElseThrow();
            accounts.setOwner(account.id(), owner.id(), !owner.active());
            audit.record(
                    "accounts.owner.change",
                    "account",
                    account.id(),
                    account.unitId(),
                    Map.of("ownerPersonId", String.valueOf(account.ownerPersonId())),
                    Map.of("ownerPersonId", String.valueOf(owner.id())));
            audits.registryAudit(vn.khien.app.platform.UnitScope.province(), account.systemId(), 0);
            remediations.applied(id, null, null, "REGISTRY", "owner set to person " + owner.id(), clock.instant());
        }
        if (approve && before.kind() == LifecycleRequest.Kind.ISSUE) {
            issue(before);
        }
        if (approve && before.kind() == LifecycleRequest.Kind.REVOKE && before.accountId() != null) {
            revoke(before);
        }
        LifecycleRequest after = remediations.findRequest(scope, id).orElseThrow();
        audit.record(
                approve ? "accounts.lifecycle.approve" : "accounts.lifecycle.reject",
                "account_lifecycle_request",
                id,
                after.unitId(),
                before,
                after);
        return after;
    }
}
