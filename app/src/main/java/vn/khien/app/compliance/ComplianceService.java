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
import vn.khien.core.compliance.Status;
import vn.khien.core.compliance.Subject;
import vn.khien.core.compliance.UnitFacts;
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
            Clock clock) {
        this.inventory = inventory;
        this.units = units;
        this.people = people;
        this.findings = findings;
        this.exceptions = exceptions;
        this.scores = scores;
        this.audit = audit;
        this.sightings = sightings;
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
        scores.snapshot(today(), ComplianceScores.score(ev, exempt, parents));
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
