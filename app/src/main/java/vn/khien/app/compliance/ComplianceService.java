package vn.khien.app.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.compliance.internal.ExceptionDao;
import vn.khien.app.compliance.internal.FindingDao;
import vn.khien.app.compliance.internal.LogSightingDao;
import vn.khien.app.compliance.internal.PublicationDao;
import vn.khien.app.compliance.internal.ScoreDao;
import vn.khien.app.detection.SecretMachineSeen;
import vn.khien.app.inventory.EndpointSnapshot;
import vn.khien.app.inventory.InventoryService;
import vn.khien.app.org.Person;
import vn.khien.app.org.PersonService;
import vn.khien.app.org.Unit;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.compliance.ComplianceInput;
import vn.khien.core.compliance.ComplianceScores;
import vn.khien.core.compliance.Evaluation;
import vn.khien.core.compliance.Evidence;
import vn.khien.core.compliance.Exemption;
import vn.khien.core.compliance.Rule;
import vn.khien.core.compliance.RuleEvaluator;
import vn.khien.core.compliance.RuleId;
import vn.khien.core.compliance.RulePack;
import vn.khien.core.compliance.RulePacks;
import vn.khien.core.compliance.RuleResult;
import vn.khien.core.compliance.Score;
import vn.khien.core.compliance.Status;
import vn.khien.core.compliance.Subject;
import vn.khien.core.compliance.UnitFacts;
import vn.khien.core.compliance.UnitScore;
import vn.khien.core.inventory.EndpointFacts;
import vn.khien.core.inventory.FactSource;
import vn.khien.core.org.Role;

/**
 * Evaluates the rule pack over the whole inventory and keeps findings, exceptions and daily unit scores. Reads are
 * scoped; evaluation always covers the province (a unit's score counts its whole subtree).
 */
@Service
public class ComplianceService {
    /** The rule pack in force. */
    public static final String PACK = "baseline-2026";

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InventoryService inventory;
    private final UnitService units;
    private final PersonService people;
    private final FindingDao findings;
    private final ExceptionDao exceptions;
    private final ScoreDao scores;
    private final AuditTrail audit;
    private final Clock clock;
    private final RuleEvaluator evaluator;
    private final LogSightingDao sightings;
    private final PublicationDao publications;

    /** How long a state-secret machine seen in network logs stays SECRET-ZONE evidence after the last such line. */
    public static final Duration SIGHTING_WINDOW = Duration.ofDays(30);

    public ComplianceService(
            InventoryService inventory,
            UnitService units,
            PersonService people,
            FindingDao findings,
            ExceptionDao exceptions,
            ScoreDao scores,
            AuditTrail audit,
            LogSightingDao sightings,
            PublicationDao publications,
            Clock clock) {
        this.inventory = inventory;
        this.units = units;
        this.people = people;
        this.findings = findings;
        this.exceptions = exceptions;
        this.scores = scores;
        this.audit = audit;
        this.sightings = sightings;
        this.publications = publications;
        this.clock = clock;
        this.evaluator = new RuleEvaluator(RulePacks.builtIn(PACK), VN);
    }

    public RulePack pack() {
        return evaluator.pack();
    }

    /** The rules of the pack in force, in rule order. */
    public List<Rule> rules() {
        return new ArrayList<>(evaluator.pack().rules().values());
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VN);
    }

    /**
     * Evaluates every rule over every endpoint and unit, updates findings (open, resolve, reopen, with history) and
     * the day's score snapshot. Runs in its own transaction (it is called after imports commit).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public EvaluationSummary evaluate(String reason) {
        Instant now = clock.instant();
        List<EndpointSnapshot> snaps = inventory.snapshots(UnitScope.province());
        List<EndpointFacts> facts = new ArrayList<>(snaps.size());
        Map<String, String> endpointUnits = new HashMap<>();
        Map<String, Long> endpointIds = new HashMap<>();
        Map<String, @Nullable String> names = new HashMap<>();
        for (EndpointSnapshot s : snaps) {
            facts.add(s.facts());
            endpointIds.put(s.facts().id(), s.id());
            names.put(s.facts().id(), s.facts().hostname());
            if (s.unitId() != null) {
                endpointUnits.put(s.facts().id(), String.valueOf(s.unitId()));
            }
        }
        List<Unit> allUnits = units.all(UnitScope.province());
        List<UnitFacts> unitFacts = new ArrayList<>();
        Map<String, @Nullable String> parents = new HashMap<>();
        for (Unit u : allUnits) {
            parents.put(String.valueOf(u.id()), u.parentId() == null ? null : String.valueOf(u.parentId()));
            names.put(String.valueOf(u.id()), u.name());
            Person officer = people.inUnit(UnitScope.province(), u.id()).stream()
                    .filter(p -> p.active() && p.roles().contains(Role.IT_OFFICER))
                    .findFirst()
                    .orElse(null);
            unitFacts.add(new UnitFacts(
                    String.valueOf(u.id()),
                    officer == null ? null : officer.fullName(),
                    officer == null ? null : new FactSource("org/people", now)));
        }
        Map<String, FactSource> logSightings = new HashMap<>();
        Map<Long, LogSightingDao.Sighting> seen = sightings.fresh(now.minus(SIGHTING_WINDOW));
        for (EndpointSnapshot s : snaps) {
            LogSightingDao.Sighting l = seen.get(s.id());
            if (l != null) {
                logSightings.put(
                        s.facts().id(), new FactSource(l.logSource() + " (" + l.sourceIp() + ")", l.firstSeen()));
            }
        }
        Evaluation ev =
                evaluator.evaluateInParallel(new ComplianceInput(facts, endpointUnits, unitFacts, logSightings), now);
        List<FindingDao.Failure> failures = new ArrayList<>();
        for (RuleResult r : ev.results()) {
            if (r.status() != Status.FAIL) {
                continue;
            }
            boolean endpoint = r.subject().kind() == Subject.Kind.ENDPOINT;
            failures.add(new FindingDao.Failure(
                    r.rule().code(),
                    r.subject().kind().name(),
                    r.subject().id(),
                    endpoint ? endpointIds.get(r.subject().id()) : null,
                    names.get(r.subject().id()),
                    r.unit() == null ? null : Long.valueOf(r.unit()),
                    evaluator
                            .pack()
                            .rule(r.rule())
                            .map(rule -> rule.severity().name())
                            .orElse("MEDIUM"),
                    r.explanation().vi(),
                    r.explanation().en(),
                    evidenceJson(r.evidence())));
        }
        int[] changes = findings.apply(failures, ev.packId(), ev.packVersion(), now);
        rescore(ev);
        return new EvaluationSummary(
                now, ev.packId(), ev.packVersion(), snaps.size(), failures.size(), changes[0], changes[1]);
    }

    /**
     * Publishes the complete current result of an outside source (the account audits) for its rules: upserts an open
     * finding of kind ACCOUNT per reported (rule, subject), resolves that source's open findings of those rules that
     * are no longer reported, records history, stores each unit's own subject count as the denominator of the
     * source's per-rule scores (compliant = subjects without an open, non-exempted finding) and re-scores. A system
     * call (no caller scope); it runs in its own transaction, so call it with data read after your own commit.
     *
     * @param source a short stable name, e.g. {@code accounts}
     * @param ruleIds the published rules of the pack ({@link vn.khien.core.compliance.RuleId#published()}) this
     *     result covers
     * @param subjectsPerUnit each unit's own subjects (e.g. accounts) the rules were evaluated for
     * @param failures the failures found now, each for one of {@code ruleIds}
     * @throws ComplianceException when a rule is unknown, not published, or a failure names another rule
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public PublishSummary publish(
            String source,
            java.util.Collection<String> ruleIds,
            Map<Long, Long> subjectsPerUnit,
            List<PublishedFinding> failures) {
        if (source.isBlank() || FindingDao.EVALUATOR.equals(source)) {
            throw ComplianceException.invalid("source: '" + source + "' cannot publish findings");
        }
        Set<String> rules = new java.util.LinkedHashSet<>(ruleIds);
        for (String r : rules) {
            RuleId id = RuleId.byCode(r).orElseThrow(() -> ComplianceException.invalid("unknown rule '" + r + "'"));
            if (!id.published() || evaluator.pack().rule(id).isEmpty()) {
                throw ComplianceException.invalid("rule " + r + " is not a published rule of pack " + PACK);
            }
        }
        Instant now = clock.instant();
        List<FindingDao.Failure> rows = new ArrayList<>(failures.size());
        for (PublishedFinding f : failures) {
            if (!rules.contains(f.ruleId())) {
                throw ComplianceException.invalid("finding of rule " + f.ruleId() + " outside the published rules");
            }
            Rule rule = evaluator
                    .pack()
                    .rule(RuleId.byCode(f.ruleId()).orElseThrow())
                    .orElseThrow();
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("fact", f.ruleId());
            ev.put("observed", f.evidence());
            ev.put("input", source);
            ev.put("observedAt", now.toString());
            rows.add(new FindingDao.Failure(
                    f.ruleId(),
                    Subject.Kind.ACCOUNT.name(),
                    f.subjectId(),
                    null,
                    f.label(),
                    f.unitId(),
                    rule.severity().name(),
                    rule.titleVi() + ": " + f.label() + " — " + f.evidence(),
                    rule.titleEn() + ": " + f.label() + " — " + f.evidence(),
                    JSON.writeValueAsString(List.of(ev))));
        }
        int[] changes = findings.apply(
                source, rules, rows, evaluator.pack().id(), evaluator.pack().version(), now);
        publications.replace(source, rules, subjectsPerUnit, now);
        evaluate("published by " + source);
        long subjects =
                subjectsPerUnit.values().stream().mapToLong(Long::longValue).sum();
        return new PublishSummary(source, now, rows.size(), changes[0], changes[1], subjects);
    }

    /**
     * Keeps a state-secret machine's appearance in network logs as SECRET-ZONE evidence (detection found it) and
     * returns whether it is news (no such line received in the {@link #SIGHTING_WINDOW}), when the caller should
     * re-evaluate. Runs in its own transaction (it is called after the log flush commits).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean recordLogSighting(SecretMachineSeen seen) {
        Instant now = clock.instant();
        boolean news = sightings.record(
                seen.endpointId(),
                seen.sourceIp(),
                seen.logSource(),
                seen.firstSeen(),
                now,
                now.minus(SIGHTING_WINDOW));
        if (news) {
            audit.record(
                    "compliance.log-sighting",
                    "endpoint",
                    seen.endpointId(),
                    null,
                    null,
                    Map.of(
                            "sourceIp", seen.sourceIp(),
                            "logSource", seen.logSource(),
                            "firstSeen", seen.firstSeen().toString()));
        }
        return news;
    }

    /** An evaluation asked for by an officer (audited). */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public EvaluationSummary evaluateNow() {
        EvaluationSummary s = evaluate("manual");
        audit.record("compliance.evaluate", "evaluation", null, null, null, s);
        return s;
    }

    private void rescore(Evaluation ev) {
        Set<Exemption> exempt = new HashSet<>();
        for (ExceptionDao.Active a : exceptions.active(today())) {
            RuleId.byCode(a.rule())
                    .ifPresent(rule ->
                            exempt.add(new Exemption(rule, new Subject(Subject.Kind.valueOf(a.kind()), a.subject()))));
        }
        Map<String, @Nullable String> parents = new HashMap<>();
        for (Unit u : units.all(UnitScope.province())) {
            parents.put(String.valueOf(u.id()), u.parentId() == null ? null : String.valueOf(u.parentId()));
        }
        scores.snapshot(today(), ComplianceScores.score(ev, exempt, parents, publishedScores()));
    }

    /** Each unit's own counts of the published sources: per rule, subjects without an open finding of it. */
    private Map<String, UnitScore> publishedScores() {
        Map<String, Map<Long, Map<String, Set<String>>>> failing = new HashMap<>();
        for (FindingDao.OpenPublished o : findings.openPublished(today())) {
            failing.computeIfAbsent(o.source(), k -> new HashMap<>())
                    .computeIfAbsent(o.unitId(), k -> new HashMap<>())
                    .computeIfAbsent(o.rule(), k -> new HashSet<>())
                    .add(o.subject());
        }
        Map<String, Map<RuleId, long[]>> perRule = new HashMap<>();
        Map<String, long[]> overall = new HashMap<>();
        for (PublicationDao.Source s : publications.sources()) {
            Map<Long, Map<String, Set<String>>> bySource = failing.getOrDefault(s.source(), Map.of());
            Set<Long> unitIds = new HashSet<>(s.subjects().keySet());
            unitIds.addAll(bySource.keySet());
            for (long unit : unitIds) {
                Map<String, Set<String>> byRule = bySource.getOrDefault(unit, Map.of());
                Set<String> anyFailing = new HashSet<>();
                byRule.values().forEach(anyFailing::addAll);
                long total = Math.max(s.subjects().getOrDefault(unit, 0L), anyFailing.size());
                String key = String.valueOf(unit);
                for (String code : s.rules()) {
                    RuleId rule = RuleId.byCode(code).orElse(null);
                    if (rule == null) {
                        continue;
                    }
                    long bad = byRule.getOrDefault(code, Set.of()).size();
                    long[] c = perRule.computeIfAbsent(key, k -> new java.util.EnumMap<>(RuleId.class))
                            .computeIfAbsent(rule, k -> new long[2]);
                    c[0] += total - bad;
                    c[1] += total;
                }
                long[] c = overall.computeIfAbsent(key, k -> new long[2]);
                c[0] += total - anyFailing.size();
                c[1] += total;
            }
        }
        Map<String, UnitScore> out = new HashMap<>();
        overall.forEach((unit, c) -> {
            Map<RuleId, Score> rules = new java.util.EnumMap<>(RuleId.class);
            perRule.getOrDefault(unit, Map.of()).forEach((r, x) -> rules.put(r, new Score(x[0], x[1])));
            out.put(unit, new UnitScore(unit, rules, new Score(c[0], c[1])));
        });
        return out;
    }

    private static String evidenceJson(List<Evidence> evidence) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Evidence e : evidence) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fact", e.fact());
            m.put("observed", e.observed());
            if (e.source() != null) {
                m.put("input", e.source().input());
                m.put("observedAt", e.source().observedAt().toString());
            }
            out.add(m);
        }
        return JSON.writeValueAsString(out);
    }

    @Transactional(readOnly = true)
    public List<Finding> findings(UnitScope scope, FindingFilter filter, int limit, int offset) {
        return findings.list(scope, filter, today(), Math.max(1, Math.min(limit, 100_000)), Math.max(0, offset));
    }

    @Transactional(readOnly = true)
    public Finding finding(UnitScope scope, long id) {
        return findings.find(scope, id, today()).orElseThrow(() -> ComplianceException.notFound("finding " + id));
    }

    @Transactional(readOnly = true)
    public List<FindingEvent> history(UnitScope scope, long findingId) {
        finding(scope, findingId);
        return findings.history(findingId);
    }

    @Transactional(readOnly = true)
    public List<ExceptionRequest> exceptions(UnitScope scope, @Nullable Long findingId, @Nullable String status) {
        return exceptions.list(scope, findingId, status, today());
    }

    /** Asks for an exception to a finding (it counts as compliant only once approved). */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER','UNIT_HEAD')")
    @Transactional
    public ExceptionRequest requestException(
            UnitScope scope, long findingId, String justification, LocalDate expiresOn) {
        Finding f = finding(scope, findingId);
        String j = justification == null ? "" : justification.strip();
        if (j.length() < 10) {
            throw ComplianceException.invalid("a justification of at least 10 characters is required");
        }
        if (j.length() > 4000) {
            throw ComplianceException.invalid("justification longer than 4000 characters");
        }
        if (!expiresOn.isAfter(today()) || expiresOn.isAfter(today().plusYears(1))) {
            throw ComplianceException.invalid("the expiry must be after today and within one year");
        }
        long id = exceptions.insert(findingId, f.unitId(), j, actor(), clock.instant(), expiresOn);
        audit.record(
                "compliance.exception.request",
                "compliance_exception",
                id,
                f.unitId(),
                null,
                Map.of(
                        "finding",
                        findingId,
                        "rule",
                        f.ruleId(),
                        "expiresOn",
                        expiresOn.toString(),
                        "justification",
                        j));
        return exceptions.find(scope, id, today()).orElseThrow();
    }

    /** Approves or rejects a requested exception; an approval takes effect in the scores at once. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','UNIT_HEAD')")
    @Transactional
    public ExceptionRequest decideException(UnitScope scope, long id, boolean approve, @Nullable String note) {
        ExceptionRequest x =
                exceptions.find(scope, id, today()).orElseThrow(() -> ComplianceException.notFound("exception " + id));
        if (!"REQUESTED".equals(x.status())) {
            throw ComplianceException.invalid("exception " + id + " was already " + x.status());
        }
        String status = approve ? "APPROVED" : "REJECTED";
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        exceptions.decide(id, status, actor(), clock.instant(), cleanNote);
        audit.record(
                "compliance.exception." + (approve ? "approve" : "reject"),
                "compliance_exception",
                id,
                x.unitId(),
                Map.of("status", x.status()),
                Map.of("status", status, "note", String.valueOf(cleanNote)));
        evaluate("exception");
        return exceptions.find(scope, id, today()).orElseThrow();
    }

    /** The latest score of every unit in scope. */
    @Transactional(readOnly = true)
    public List<UnitScoreView> scores(UnitScope scope) {
        return scores.latest(scope);
    }

    @Transactional(readOnly = true)
    public List<TrendPoint> trend(UnitScope scope, long unitId, String rule, int days) {
        if (units.find(scope, unitId).isEmpty()) {
            throw ComplianceException.notFound("unit " + unitId);
        }
        return scores.trend(unitId, rule, Math.max(1, Math.min(days, 366)));
    }

    private static String actor() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }
}
