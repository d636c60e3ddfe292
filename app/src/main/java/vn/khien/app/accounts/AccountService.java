package vn.khien.app.accounts;

import com.unboundid.ldap.sdk.LDAPException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.app.accounts.internal.AccountDao;
import vn.khien.app.accounts.internal.AccountFindingDao;
import vn.khien.app.accounts.internal.LdapDirectory;
import vn.khien.app.accounts.internal.People;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.org.Person;
import vn.khien.app.org.PersonService;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.Jobs;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.SecretBox;
import vn.khien.core.accounts.AccountCsv;
import vn.khien.core.ingest.ImportReport;

/**
 * The account registry: systems, directory connections (bind password sealed), accounts from directory syncs
 * and CSV imports, matched to people by email. Every read and write takes the caller's scope.
 */
@Service
public class AccountService {
    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    private static final String WRITERS = "hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER')";

    private final AccountDao accounts;
    private final AccountFindingDao findings;
    private final AccountAuditService audits;
    private final LdapDirectory directory;
    private final SecretBox secrets;
    private final PersonService people;
    private final UnitService units;
    private final AuditTrail audit;
    private final Jobs jobs;
    private final Clock clock;
    private final Validator validator;
    private final TransactionTemplate tx;
    private final vn.khien.app.accounts.internal.OwnerNotices notices;

    public AccountService(
            AccountDao accounts,
            AccountFindingDao findings,
            AccountAuditService audits,
            LdapDirectory directory,
            SecretBox secrets,
            PersonService people,
            UnitService units,
            AuditTrail audit,
            Jobs jobs,
            Clock clock,
            Validator validator,
            TransactionTemplate tx,
            vn.khien.app.accounts.internal.OwnerNotices notices) {
        this.notices = notices;
        this.accounts = accounts;
        this.findings = findings;
        this.audits = audits;
        this.directory = directory;
        this.secrets = secrets;
        this.people = people;
        this.units = units;
        this.audit = audit;
        this.jobs = jobs;
        this.clock = clock;
        this.validator = validator;
        this.tx = tx;
    }

    // reads

    @Transactional(readOnly = true)
    public List<AccountSystem> systems(UnitScope scope) {
        return accounts.systems(scope);
    }

    @Transactional(readOnly = true)
    public AccountSystem system(UnitScope scope, long id) {
        return accounts.system(scope, id).orElseThrow(() -> AccountException.notFound("system " + id));
    }

    @Transactional(readOnly = true)
    public List<DirectoryConnection> connections(UnitScope scope) {
        return accounts.connections(scope);
    }

    @Transactional(readOnly = true)
    public DirectoryConnection connection(UnitScope scope, long id) {
        return accounts.connection(scope, id).orElseThrow(() -> AccountException.notFound("connection " + id));
    }

    @Transactional(readOnly = true)
    public List<Account> accounts(UnitScope scope, @Nullable Long unitId, @Nullable String q, int limit, int offset) {
        if (unitId != null && !scope.allows(unitId)) {
            throw AccountException.notFound("unit " + unitId);
        }
        return accounts.accounts(scope, unitId, q, Math.min(Math.max(limit, 1), 1000), Math.max(offset, 0));
    }

    @Transactional(readOnly = true)
    public Account account(UnitScope scope, long id) {
        return accounts.account(scope, id).orElseThrow(() -> AccountException.notFound("account " + id));
    }

    /** The mails sent to an account's owner, newest first. */
    @Transactional(readOnly = true)
    public List<OwnerNotice> notices(UnitScope scope, long accountId) {
        account(scope, accountId);
        return notices.notices(accountId);
    }

    @Transactional(readOnly = true)
    public long count(UnitScope scope) {
        return accounts.count(scope);
    }

    // writes

    @PreAuthorize(WRITERS)
    @Transactional
    public AccountSystem createSystem(UnitScope scope, String name, SystemKind kind, long unitId) {
        if (name == null || name.isBlank()) {
            throw AccountException.invalid("name: must not be blank");
        }
        units.find(scope, unitId).orElseThrow(() -> AccountException.notFound("unit " + unitId));
        long id;
        try {
            id = accounts.insertSystem(name.strip(), kind, unitId);
        } catch (DuplicateKeyException e) {
            throw AccountException.conflict("the unit already has a system named " + name.strip());
        }
        AccountSystem created = system(scope, id);
        audit.record("accounts.system.create", "account_system", id, unitId, null, created);
        return created;
    }

    @PreAuthorize(WRITERS)
    @Transactional
    public DirectoryConnection createConnection(UnitScope scope, long systemId, ConnectionDraft draft) {
        validate(draft);
        AccountSystem system = system(scope, systemId);
        if (draft.bindPassword() == null || draft.bindPassword().isEmpty()) {
            throw AccountException.invalid("bindPassword: must not be blank");
        }
        long id = accounts.insertConnection(systemId, system.unitId(), draft, secrets.encrypt(draft.bindPassword()));
        DirectoryConnection created = connection(scope, id);
        audit.record("accounts.connection.create", "directory_connection", id, system.unitId(), null, created);
        return created;
    }

    @PreAuthorize(WRITERS)
    @Transactional
    public DirectoryConnection updateConnection(UnitScope scope, long id, ConnectionDraft draft) {
        validate(draft);
        DirectoryConnection before = connection(scope, id);
        String sealed = draft.bindPassword() == null || draft.bindPassword().isEmpty()
                ? null
                : secrets.encrypt(draft.bindPassword());
        accounts.updateConnection(id, draft, sealed);
        DirectoryConnection after = connection(scope, id);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("connection", after);
        change.put("bindPasswordChanged", sealed != null);
        audit.record("accounts.connection.update", "directory_connection", id, after.unitId(), before, change);
        return after;
    }

    private void validate(ConnectionDraft draft) {
        Set<ConstraintViolation<ConnectionDraft>> violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            throw AccountException.invalid(violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
        if (!draft.url().matches("(?i)ldaps?://[^/\\s]+/?")) {
            throw AccountException.invalid("url: must be ldap://host:port or ldaps://host:port");
        }
    }

    /** Imports a CSV export of one system's accounts in one transaction, then runs the registry audit. */
    @PreAuthorize(WRITERS)
    public AccountImportResult importCsv(UnitScope scope, long systemId, Reader csv) {
        AccountSystem system = system(scope, systemId);
        AccountCsv.Parsed parsed;
        try {
            parsed = AccountCsv.read(csv);
        } catch (IllegalArgumentException e) {
            throw AccountException.invalid(e.getMessage());
        }
        ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
        List<AccountRecord> records = new ArrayList<>();
        for (AccountCsv.Row r : parsed.rows()) {
            records.add(new AccountRecord(
                    r.login(),
                    r.email(),
                    null,
                    r.enabled(),
                    r.locked(),
                    r.created() == null ? null : r.created().atZone(zone).toInstant(),
                    r.lastLogin() == null ? null : r.lastLogin().atZone(zone).toInstant(),
                    r.passwordSet() == null
                            ? null
                            : r.passwordSet().atZone(zone).toInstant(),
                    r.privileged(),
                    r.mfa()));
        }
        return store(scope, system, records, parsed.report(), "CSV", "csv");
    }

    private AccountImportResult store(
            UnitScope scope,
            AccountSystem system,
            List<AccountRecord> records,
            ImportReport report,
            String runKind,
            String source) {
        Instant now = clock.instant();
        AccountImportResult result = tx.execute(status -> {
            long run = findings.startRun(runKind, system.unitId(), actor(), now);
            People lookup = new People(people);
            for (AccountRecord r : records) {
                Optional<Person> owner = lookup.byEmail(r.email());
                long unitId = owner.map(Person::unitId).orElse(system.unitId());
                boolean departed = owner.map(p -> !p.active()).orElse(false);
                accounts.upsert(system.id(), unitId, r, owner.map(Person::id).orElse(null), departed, source);
            }
            AccountAuditService.RegistryCounts counts = audits.registryAudit(UnitScope.province(), system.id(), 0);
            Map<String, Long> c = new LinkedHashMap<>();
            c.put("read", report.read());
            c.put("accepted", report.accepted());
            c.put("rejected", report.rejected());
            c.putAll(counts.asMap());
            String summary = report.summary();
            findings.finishRun(run, clock.instant(), summary, c);
            Map<String, Object> after = new LinkedHashMap<>(c);
            after.put("system", system.name());
            audit.record("accounts." + source + ".import", "account_system", system.id(), system.unitId(), null, after);
            return new AccountImportResult(run, system.id(), report, records.size(), counts.open());
        });
        return result;
    }

    /** Starts a sync of one connection as a job. */
    @PreAuthorize(WRITERS)
    public Jobs.View startSync(UnitScope scope, long connectionId) {
        DirectoryConnection c = connection(scope, connectionId);
        return jobs.start("Đồng bộ thư mục " + c.systemName(), c.unitId(), progress -> sync(c, progress));
    }

    /** Reads the directory, stores its accounts, audits passwords if enabled, runs the registry audit. */
    AccountImportResult sync(DirectoryConnection c, Jobs.Progress progress) throws LDAPException {
        String password = secrets.decrypt(accounts.sealedPassword(c.id()));
        AccountSystem system =
                accounts.system(UnitScope.province(), c.systemId()).orElseThrow();
        progress.message("Đang đọc thư mục / reading the directory");
        List<LdapDirectory.Entry> entries;
        try {
            entries = directory.readUsers(c, password, c.auditPasswords(), progress::advance);
        } catch (LDAPException e) {
            String msg = "LDAP error " + e.getResultCode() + ": " + e.getDiagnosticMessage();
            tx.executeWithoutResult(s -> {
                accounts.syncDone(c.id(), clock.instant(), msg);
                audit.record(
                        "accounts.sync.fail", "directory_connection", c.id(), c.unitId(), null, Map.of("error", msg));
            });
            throw new AccountException(AccountException.Kind.INVALID, msg);
        }
        progress.total(entries.size());
        ImportReport.Builder report = ImportReport.builder();
        List<AccountRecord> records = new ArrayList<>();
        for (LdapDirectory.Entry e : entries) {
            report.read();
            report.accept();
            records.add(e.account());
        }
        AccountImportResult result = store(UnitScope.province(), system, records, report.build(), "SYNC", "ldap");
        if (c.auditPasswords()) {
            progress.message("Đang kiểm tra mật khẩu / auditing passwords");
            audits.auditDirectoryPasswords(system, entries);
        }
        for (LdapDirectory.Entry e : entries) {
            e.passwords().clear();
        }
        long open = findings.countOpen(
                accounts.ofSystem(system.id()).stream().map(Account::id).toList());
        String summary = entries.size() + " accounts, " + open + " open findings";
        tx.executeWithoutResult(s -> accounts.syncDone(c.id(), clock.instant(), summary));
        progress.advance(entries.size());
        progress.message(summary);
        log.info("Directory sync of connection {} ({}): {}", c.id(), c.systemName(), summary);
        return new AccountImportResult(result.runId(), system.id(), result.report(), entries.size(), open);
    }

    /** Runs a due scheduled sync of every connection (called by the scheduler, as the system). */
    public void syncDue() {
        for (DirectoryConnection c : accounts.dueForSync(clock.instant())) {
            jobs.start("Đồng bộ định kỳ " + c.systemName(), c.unitId(), progress -> sync(c, progress));
        }
    }

    static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }
}
