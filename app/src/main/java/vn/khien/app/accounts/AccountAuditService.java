package vn.khien.app.accounts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.app.accounts.internal.AccountDao;
import vn.khien.app.accounts.internal.AccountFindingDao;
import vn.khien.app.accounts.internal.LdapDirectory;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.Jobs;
import vn.khien.app.platform.KhienProperties;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.accounts.AccountRule;
import vn.khien.core.accounts.HashKind;
import vn.khien.core.accounts.PasswordFingerprint;
import vn.khien.core.accounts.breached.BreachedHashStore;
import vn.khien.core.accounts.combolist.ComboScanResult;
import vn.khien.core.accounts.combolist.CombolistScanner;
import vn.khien.core.accounts.combolist.DomainList;
import vn.khien.core.accounts.hashes.AccountFinding;
import vn.khien.core.accounts.hashes.AccountHash;
import vn.khien.core.accounts.hashes.AuditOptions;
import vn.khien.core.accounts.hashes.AuditResult;
import vn.khien.core.accounts.hashes.HashAuditor;
import vn.khien.core.accounts.hashes.HashFileParser;
import vn.khien.core.accounts.hashes.HashFormat;
import vn.khien.core.accounts.hashes.PasswordCandidates;

/**
 * The account audits and their findings: the registry audit (ACCOUNT-IDLE, -ORPHAN, -ADMIN-MFA), the
 * password-hash audit (ACCOUNT-DEFAULT, -WEAK, -BREACHED, -SHARED) and the combolist scan (ACCOUNT-LEAKED).
 * Hashes and passwords are handled in memory by the core engines and never stored, logged or returned:
 * findings and runs carry rule ids, candidate classes, line numbers and counts only.
 */
@Service
public class AccountAuditService {
    public static final String IDLE = "ACCOUNT-IDLE";
    public static final String ORPHAN = "ACCOUNT-ORPHAN";
    public static final String ADMIN_MFA = "ACCOUNT-ADMIN-MFA";
    public static final List<String> PASSWORD_RULES = List.of(
            AccountRule.DEFAULT.id(), AccountRule.WEAK.id(), AccountRule.BREACHED.id(), AccountRule.SHARED.id());
    public static final List<String> ALL_RULES = List.of(
            AccountRule.DEFAULT.id(),
            AccountRule.WEAK.id(),
            AccountRule.BREACHED.id(),
            AccountRule.LEAKED.id(),
            AccountRule.SHARED.id(),
            IDLE,
            ORPHAN,
            ADMIN_MFA);
    /** Default number of days without sign-in after which an enabled account is idle. */
    public static final int DEFAULT_IDLE_DAYS = 45;

    private static final Logger log = LoggerFactory.getLogger(AccountAuditService.class);
    private static final String AUDITORS = "hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER','RESPONDER')";

    private final AccountDao accounts;
    private final AccountFindingDao findings;
    private final UnitService units;
    private final AuditTrail audit;
    private final Jobs jobs;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final vn.khien.app.accounts.internal.ComplianceFeed feed;
    private final vn.khien.app.accounts.internal.OwnerNotices notices;
    private final vn.khien.app.compliance.ComplianceService compliance;
    private final Path breachedDir;
    private final Path uploads;

    public AccountAuditService(
            AccountDao accounts,
            AccountFindingDao findings,
            UnitService units,
            AuditTrail audit,
            Jobs jobs,
            Clock clock,
            TransactionTemplate tx,
            vn.khien.app.accounts.internal.ComplianceFeed feed,
            vn.khien.app.accounts.internal.OwnerNotices notices,
            vn.khien.app.compliance.ComplianceService compliance,
            KhienProperties properties,
            @Value("${khien.accounts.breached-store:}") String breachedStore) {
        this.accounts = accounts;
        this.findings = findings;
        this.units = units;
        this.audit = audit;
        this.jobs = jobs;
        this.clock = clock;
        this.tx = tx;
        this.feed = feed;
        this.notices = notices;
        this.compliance = compliance;
        this.breachedDir = breachedStore.isBlank() ? properties.dataDir().resolve("breached") : Path.of(breachedStore);
        this.uploads = properties.dataDir().resolve("uploads").resolve("accounts");
    }

    /** Counts of a registry audit. */
    public record RegistryCounts(long accounts, long idle, long orphan, long adminMfa, long resolved, long open) {
        public Map<String, Long> asMap() {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("accounts", accounts);
            m.put(IDLE, idle);
            m.put(ORPHAN, orphan);
            m.put(ADMIN_MFA, adminMfa);
            m.put("resolved", resolved);
            return m;
        }
    }

    /** Counts of a password-hash audit or a combolist scan; never a hash or a password. */
    public record RunCounts(long runId, Map<String, Long> counts, List<String> rejections) {}

    // reads

    @Transactional(readOnly = true)
    public List<Finding> findings(UnitScope scope, @Nullable Long accountId, @Nullable String rule, boolean openOnly) {
        return findings.findings(scope, accountId, rule, openOnly, 2000);
    }

    @Transactional(readOnly = true)
    public Finding finding(UnitScope scope, long id) {
        return findings.finding(scope, id).orElseThrow(() -> AccountException.notFound("finding " + id));
    }

    @Transactional(readOnly = true)
    public Map<String, Long> openByRule(UnitScope scope) {
        return findings.openByRule(scope);
    }

    @Transactional(readOnly = true)
    public List<AuditRun> runs(UnitScope scope) {
        return findings.runs(scope, 100);
    }

    @Transactional(readOnly = true)
    public AuditRun run(UnitScope scope, long id) {
        return findings.run(scope, id).orElseThrow(() -> AccountException.notFound("audit run " + id));
    }

    /** Where the administrator puts the breached-password store ({@code ntlm.khs}, {@code sha1.khs}). */
    public Path breachedStoreDir() {
        return breachedDir;
    }

    // registry audit

    /** Runs the registry rules over the accounts in scope and records the run. */
    @PreAuthorize(AUDITORS)
    @Transactional
    public RegistryCounts runRegistryAudit(UnitScope scope, int idleDays) {
        long run = findings.startRun("REGISTRY", null, AccountService.actor(), clock.instant());
        RegistryCounts counts = registryAudit(scope, 0, idleDays);
        findings.finishRun(run, clock.instant(), counts.open() + " open findings", counts.asMap());
        audit.record("accounts.audit.registry", "account_audit_run", run, null, null, counts.asMap());
        return counts;
    }

    /**
     * The registry rules over the accounts in scope (of one system when {@code systemId} is not 0): raises
     * what holds and resolves what no longer does. Runs in the caller's transaction.
     */
    RegistryCounts registryAudit(UnitScope scope, long systemId, int idleDays) {
        int days = idleDays <= 0 ? packIdleDays() : idleDays;
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(days));
        List<Account> all = systemId == 0 ? accounts.all(scope) : accounts.ofSystem(systemId);
        List<Long> keep = new ArrayList<>();
        long idle = 0;
        long orphan = 0;
        long adminMfa = 0;
        for (Account a : all) {
            boolean active = a.enabled() && !a.locked();
            if (active) {
                Instant since = a.lastLoginAt() != null ? a.lastLoginAt() : a.createdOn();
                if (since == null || since.isBefore(cutoff)) {
                    String ev = a.lastLoginAt() == null
                            ? "enabled, never signed in (idle limit " + days + " days)"
                            : "enabled, last sign-in " + day(a.lastLoginAt()) + " (more than " + days + " days)";
                    findings.raise(IDLE, a.id(), a.unitId(), ev, now);
                    keep.add(findings.idOf(IDLE, a.id()).orElseThrow());
                    idle++;
                }
            }
            if (a.enabled() && (a.ownerPersonId() == null || a.departed())) {
                String ev = a.departed()
                        ? "enabled, its owner has left the unit"
                        : "enabled, no owner matches " + (a.email() == null ? "(no email)" : a.email());
                findings.raise(ORPHAN, a.id(), a.unitId(), ev, now);
                keep.add(findings.idOf(ORPHAN, a.id()).orElseThrow());
                orphan++;
            }
            if (a.enabled() && a.privileged() && !a.mfa()) {
                findings.raise(ADMIN_MFA, a.id(), a.unitId(), "privileged account without MFA", now);
                keep.add(findings.idOf(ADMIN_MFA, a.id()).orElseThrow());
                adminMfa++;
            }
        }
        int resolved = findings.resolveOthers(
                List.of(IDLE, ORPHAN, ADMIN_MFA), all.stream().map(Account::id).toList(), keep, now);
        long open = findings.countOpen(all.stream().map(Account::id).toList());
        feed.publishAfterCommit();
        return new RegistryCounts(all.size(), idle, orphan, adminMfa, resolved, open);
    }

    /**
     * Raises a finding and, when it is new or re-opened and puts the account at risk (leaked, default or weak
     * password), mails the owner after the commit. The mail names the rule, never the password.
     */
    private void raise(String rule, Account a, String evidence, Instant now) {
        boolean fresh = findings.raise(rule, a.id(), a.unitId(), evidence, now);
        if (fresh
                && a.ownerPersonId() != null
                && vn.khien.app.accounts.internal.OwnerNotices.MAILED_RULES.contains(rule)) {
            long findingId = findings.idOf(rule, a.id()).orElseThrow();
            String what =
                    switch (rule) {
                        case "ACCOUNT-LEAKED" -> "thông tin đăng nhập đã bị lộ lọt / its credentials appear in a leak";
                        case "ACCOUNT-DEFAULT" -> "mật khẩu là mật khẩu mặc định / its password is a default one";
                        default -> "mật khẩu quá yếu / its password is weak";
                    };
            String account = a.login() + " (" + a.systemName() + ")";
            notices.afterCommit(new vn.khien.app.accounts.internal.OwnerNotices.Mail(
                    a,
                    a.ownerPersonId(),
                    OwnerNotice.Topic.FINDING,
                    findingId,
                    rule,
                    "[Khiên] Tài khoản " + account + " cần đổi mật khẩu / Account " + account + " needs a new password",
                    "Tài khoản " + account + ": " + what + " (" + rule + ").\n"
                            + "Hãy đổi mật khẩu ngay và liên hệ cán bộ phụ trách CNTT của đơn vị.\n\n"
                            + "Account " + account + ": see above. Change the password now and contact your"
                            + " unit's IT officer.\n"));
        }
    }

    /** The ACCOUNT-IDLE threshold of the rule pack in force (45 days in baseline-2026). */
    private int packIdleDays() {
        try {
            return compliance.pack().days(vn.khien.core.compliance.RuleId.ACCOUNT_IDLE);
        } catch (IllegalArgumentException noThreshold) {
            return DEFAULT_IDLE_DAYS;
        }
    }

    private static String day(Instant i) {
        return i.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate().toString();
    }

    /**
     * A person left (org): their accounts are marked as departed and the registry rules re-run for those systems,
     * so each still-enabled account gets an ACCOUNT-ORPHAN finding in the same commit (and compliance after it).
     */
    @org.springframework.context.event.EventListener
    public void personLeft(vn.khien.app.org.PersonLeft left) {
        List<Long> systems = accounts.markDeparted(left.personId());
        for (long system : systems) {
            registryAudit(UnitScope.province(), system, 0);
        }
        if (!systems.isEmpty()) {
            audit.record(
                    "accounts.owner.left", "person", left.personId(), left.unitId(), null, Map.of("systems", systems));
        }
    }

    // password-hash audit

    /**
     * Audits an uploaded hash export as a job: parsed and audited in memory (the upload is read from the
     * request into memory, bounded by the multipart limit), findings mapped to registry accounts of
     * {@code systemId} (or of every system in scope when 0). Returns the job; its result is {@link RunCounts}.
     */
    @PreAuthorize(AUDITORS)
    public Jobs.View startHashAudit(UnitScope scope, long systemId, HashFormat format, byte[] export) {
        Long unitId = null;
        if (systemId != 0) {
            unitId = accounts.system(scope, systemId)
                    .orElseThrow(() -> AccountException.notFound("system " + systemId))
                    .unitId();
        } else if (!scope.all()) {
            throw AccountException.invalid("systemId: choose the system the hashes come from");
        }
        Long jobUnit = unitId;
        return jobs.start("Kiểm tra mật khẩu (" + format + ")", jobUnit, progress -> {
            progress.message("Đang kiểm tra / auditing");
            HashFileParser.Parsed parsed = new HashFileParser().parse(new ByteArrayInputStream(export), format);
            java.util.Arrays.fill(export, (byte) 0);
            progress.total(parsed.hashes().size());
            RunCounts counts = auditHashes(scope, systemId, jobUnit, "HASHES", parsed, done -> {
                progress.advance(done);
                if (progress.cancelled()) {
                    throw new java.util.concurrent.CancellationException("cancelled");
                }
            });
            progress.message(counts.counts().toString());
            return counts;
        });
    }

    /** Audits the {@code userPassword} values a directory sync read; nothing of them is kept. */
    void auditDirectoryPasswords(AccountSystem system, List<LdapDirectory.Entry> entries) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (LdapDirectory.Entry e : entries) {
            for (byte[] pw : e.passwords()) {
                if (pw.length == 0 || pw[0] != '{' || containsNewline(pw)) {
                    continue;
                }
                buf.writeBytes(e.account().login().getBytes(StandardCharsets.UTF_8));
                buf.write('\t');
                buf.writeBytes(pw);
                buf.write('\n');
                break;
            }
        }
        byte[] export = buf.toByteArray();
        try {
            HashFileParser.Parsed parsed =
                    new HashFileParser().parse(new ByteArrayInputStream(export), HashFormat.LDAP);
            auditHashes(UnitScope.province(), system.id(), system.unitId(), "HASHES", parsed, done -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            java.util.Arrays.fill(export, (byte) 0);
        }
    }

    private static boolean containsNewline(byte[] b) {
        for (byte x : b) {
            if (x == '\n' || x == '\r') {
                return true;
            }
        }
        return false;
    }

    private RunCounts auditHashes(
            UnitScope scope,
            long systemId,
            @Nullable Long unitId,
            String kind,
            HashFileParser.Parsed parsed,
            LongConsumer progress)
            throws IOException {
        Instant started = clock.instant();
        AuditResult result;
        try (BreachedHashStore ntlm = openStore(HashKind.NTLM);
                BreachedHashStore sha1 = openStore(HashKind.SHA1)) {
            HashAuditor auditor = new HashAuditor(
                    PasswordCandidates.bundled(Year.now(clock).getValue(), 6), AuditOptions.defaults(), ntlm, sha1);
            result = auditor.audit(parsed.hashes(), progress);
        }
        List<Account> candidates = systemId == 0 ? accounts.all(scope) : accounts.ofSystem(systemId);
        Map<String, List<Account>> byName = index(candidates);
        Set<String> audited = new HashSet<>();
        for (AccountHash h : parsed.hashes()) {
            audited.add(normalise(h.account()));
        }
        List<Account> auditedAccounts = new ArrayList<>();
        for (String name : audited) {
            auditedAccounts.addAll(byName.getOrDefault(name, List.of()));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("read", parsed.report().read());
        counts.put("accepted", parsed.report().accepted());
        counts.put("rejected", parsed.report().rejected());
        counts.put("accounts", (long) result.accounts());
        counts.put("matchedAccounts", (long) auditedAccounts.size());
        counts.put("breachedStore", result.ntlmStoreChecked() || result.sha1StoreChecked() ? 1L : 0L);
        for (String r : PASSWORD_RULES) {
            counts.put(r, 0L);
        }
        long unmatched = 0;
        return tx.execute(status -> {
            long run = findings.startRun(kind, unitId, AccountService.actor(), started);
            Instant now = clock.instant();
            List<Long> keep = new ArrayList<>();
            long notInRegistry = 0;
            for (AccountFinding f : result.findings()) {
                List<Account> matches = byName.getOrDefault(normalise(f.account()), List.of());
                if (matches.isEmpty()) {
                    notInRegistry++;
                }
                for (Account a : matches) {
                    String ev = f.candidateClass() + (f.line() > 0 ? " (export line " + f.line() + ")" : "");
                    raise(f.rule().id(), a, ev, now);
                    keep.add(findings.idOf(f.rule().id(), a.id()).orElseThrow());
                    counts.merge(f.rule().id(), 1L, Long::sum);
                }
            }
            counts.put("findingsWithoutRegistryAccount", notInRegistry + unmatched);
            counts.put("resolved", (long) findings.resolveOthers(
                    PASSWORD_RULES, auditedAccounts.stream().map(Account::id).toList(), keep, now));
            String summary = "accounts " + result.accounts() + ", findings "
                    + result.findings().size() + ", rejected lines "
                    + parsed.report().rejected();
            findings.finishRun(run, now, summary, counts);
            feed.publishAfterCommit();
            audit.record("accounts.audit.hashes", "account_audit_run", run, unitId, null, counts);
            log.info("Password-hash audit run {}: {}", run, summary);
            List<String> rejections = parsed.report().rejections().stream()
                    .limit(100)
                    .map(Object::toString)
                    .toList();
            return new RunCounts(run, counts, rejections);
        });
    }

    private @Nullable BreachedHashStore openStore(HashKind kind) throws IOException {
        if (!BreachedHashStore.existsIn(breachedDir, kind)) {
            return null;
        }
        return BreachedHashStore.open(BreachedHashStore.fileIn(breachedDir, kind));
    }

    /** Registry accounts by lower-cased login, by email and by the email's local part. */
    private static Map<String, List<Account>> index(Collection<Account> all) {
        Map<String, List<Account>> m = new HashMap<>();
        for (Account a : all) {
            Set<String> keys = new HashSet<>();
            keys.add(normalise(a.login()));
            if (a.email() != null) {
                keys.add(a.email().toLowerCase(Locale.ROOT));
            }
            for (String k : keys) {
                m.computeIfAbsent(k, x -> new ArrayList<>()).add(a);
            }
        }
        return m;
    }

    /** {@code DOMAIN\\User} and {@code User} both become {@code user}; an email stays an email. */
    static String normalise(String account) {
        String s = account.strip().toLowerCase(Locale.ROOT);
        int slash = s.lastIndexOf('\\');
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    // combolist scan

    /**
     * Scans a combolist (an uploaded file, copied to a private temporary file, or a server path for
     * administrators) for the province's email domains as a job; hits become ACCOUNT-LEAKED findings on the
     * registry accounts with that email. With {@code currentNtlm} (a pwdump export of the current hashes),
     * each finding tells whether the leaked password is still in use.
     */
    @PreAuthorize(AUDITORS)
    public Jobs.View startCombolistScan(
            UnitScope scope, @Nullable InputStream upload, @Nullable String serverPath, byte @Nullable [] currentNtlm)
            throws IOException {
        if (!scope.all()) {
            throw AccountException.invalid("combolist scans cover the whole province: province roles only");
        }
        Path file;
        boolean temporary;
        if (upload != null) {
            Files.createDirectories(uploads);
            file = Files.createTempFile(uploads, "combo-", ".txt");
            try (upload) {
                Files.copy(upload, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = true;
        } else if (serverPath != null && !serverPath.isBlank()) {
            if (!org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .getAuthentication()
                    .getAuthorities()
                    .stream()
                    .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
                throw AccountException.invalid("path: only administrators may scan a file on the server");
            }
            file = Path.of(serverPath);
            if (!Files.isRegularFile(file)) {
                throw AccountException.invalid("path: not a readable file on the server");
            }
            temporary = false;
        } else {
            throw AccountException.invalid("file: upload a combolist or give a server path");
        }
        List<String> domains = new ArrayList<>();
        for (Unit u : units.all(UnitScope.province())) {
            domains.addAll(units.emailDomains(UnitScope.province(), u.id()));
        }
        if (domains.isEmpty()) {
            throw AccountException.invalid("no unit has an email domain: add the province's mail domains first");
        }
        DomainList list = DomainList.of(domains);
        Map<String, AccountHash> current = new HashMap<>();
        if (currentNtlm != null && currentNtlm.length > 0) {
            for (AccountHash h : new HashFileParser()
                    .parse(new ByteArrayInputStream(currentNtlm), HashFormat.NTLM)
                    .hashes()) {
                current.put(normalise(h.account()), h);
            }
            java.util.Arrays.fill(currentNtlm, (byte) 0);
        }
        long size = Files.size(file);
        return jobs.start("Quét lộ lọt tài khoản / combolist scan", null, progress -> {
            try {
                progress.total(size);
                return scanCombolist(list, file, current, progress);
            } finally {
                if (temporary) {
                    Files.deleteIfExists(file);
                }
            }
        });
    }

    private RunCounts scanCombolist(
            DomainList domains, Path file, Map<String, AccountHash> current, Jobs.Progress progress)
            throws IOException {
        Instant started = clock.instant();
        Map<String, List<Account>> byEmail = new HashMap<>();
        for (Account a : accounts.all(UnitScope.province())) {
            if (a.email() != null) {
                byEmail.computeIfAbsent(a.email().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(a);
            }
        }
        record Leak(
                long line,
                String domain,
                String format,
                @Nullable PasswordFingerprint password) {}
        Map<Long, List<Leak>> leaks = new LinkedHashMap<>();
        Map<Long, Account> leakedAccounts = new HashMap<>();
        long[] unmatched = {0};
        ComboScanResult result = new CombolistScanner(domains)
                .scan(
                        file,
                        hit -> {
                            List<Account> matches = byEmail.get(hit.account());
                            if (matches == null) {
                                unmatched[0]++;
                                return;
                            }
                            for (Account a : matches) {
                                List<Leak> l = leaks.computeIfAbsent(a.id(), k -> new ArrayList<>());
                                if (l.size() < 20) {
                                    l.add(new Leak(
                                            hit.line(),
                                            hit.domain(),
                                            hit.format().name(),
                                            hit.password()));
                                }
                                leakedAccounts.put(a.id(), a);
                            }
                        },
                        bytes -> {
                            progress.advance(bytes);
                            if (progress.cancelled()) {
                                throw new java.util.concurrent.CancellationException("cancelled");
                            }
                        });
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("bytes", result.bytes());
        counts.put("lines", result.lines());
        counts.put("hits", result.hits());
        counts.put("rejectedLines", result.report().rejected());
        counts.put("hitsWithoutRegistryAccount", unmatched[0]);
        counts.put(AccountRule.LEAKED.id(), (long) leaks.size());
        long stillInUse = 0;
        long checked = 0;
        Map<Long, String> evidence = new LinkedHashMap<>();
        for (Map.Entry<Long, List<Leak>> e : leaks.entrySet()) {
            Account a = leakedAccounts.get(e.getKey());
            AccountHash h = current.get(normalise(a.login()));
            if (h == null && a.email() != null) {
                h = current.get(a.email().toLowerCase(Locale.ROOT));
            }
            Leak first = e.getValue().get(0);
            StringBuilder ev = new StringBuilder()
                    .append(e.getValue().size() == 20 ? "20+" : e.getValue().size())
                    .append(" hit(s), first at line ")
                    .append(first.line())
                    .append(" under ")
                    .append(first.domain())
                    .append(" (")
                    .append(first.format())
                    .append(')');
            if (first.password() != null) {
                ev.append(", leaked password ").append(first.password());
            }
            if (h != null) {
                checked++;
                AccountHash hash = h;
                boolean inUse =
                        e.getValue().stream().anyMatch(l -> l.password() != null && hash.sameAsLeaked(l.password()));
                if (inUse) {
                    stillInUse++;
                }
                ev.append(
                        inUse ? "; the leaked password is STILL IN USE" : "; the leaked password is no longer in use");
            }
            evidence.put(e.getKey(), ev.toString());
        }
        counts.put("checkedAgainstCurrentHash", checked);
        counts.put("stillInUse", stillInUse);
        long finalStill = stillInUse;
        return tx.execute(status -> {
            long run = findings.startRun("COMBOLIST", null, AccountService.actor(), started);
            Instant now = clock.instant();
            for (Map.Entry<Long, String> e : evidence.entrySet()) {
                Account a = leakedAccounts.get(e.getKey());
                raise(AccountRule.LEAKED.id(), a, e.getValue(), now);
            }
            String summary = result.summary() + "; " + leaks.size() + " registry accounts leaked, " + finalStill
                    + " still in use";
            findings.finishRun(run, now, summary, counts);
            feed.publishAfterCommit();
            audit.record("accounts.audit.combolist", "account_audit_run", run, null, null, counts);
            log.info("Combolist scan run {}: {}", run, summary);
            List<String> rejections = result.report().rejections().stream()
                    .limit(100)
                    .map(Object::toString)
                    .toList();
            return new RunCounts(run, counts, rejections);
        });
    }
}
