package vn.khien.core.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import vn.khien.core.inventory.EndpointFacts;
import vn.khien.core.inventory.FactSource;
import vn.khien.core.inventory.InstalledSoftware;
import vn.khien.core.inventory.InternetConnectivity;
import vn.khien.core.inventory.OsPatch;
import vn.khien.core.inventory.RemovableStorageDevice;
import vn.khien.core.inventory.SecurityProduct;
import vn.khien.core.inventory.SecurityProductKind;
import vn.khien.core.inventory.Zone;

/**
 * Evaluates the rules of one {@link RulePack} over endpoint and unit facts at a given {@code now}: a pure function
 * of its input, giving one {@link RuleResult} per (rule, subject) with evidence and an explanation.
 *
 * <p>Implementation notes: endpoint rules look only at their endpoint, except SECRET-USB, which first indexes the
 * storage-device serials of secret-handling machines and then the INTERNET/CPNET machines that saw those serials
 * (two passes, O(devices)). Product-name recognition (AV, EDR) is memoised per distinct software name, because
 * the same few hundred names repeat across a province's machines. Ages compare instants with "older than N days"
 * meaning strictly more than N×24 h; dates without a time (patches) compare calendar days in the evaluator's zone.
 * Thread-safe: {@link #evaluateInParallel} splits endpoints across the common fork-join pool.
 */
public final class RuleEvaluator {
    /** Zone in which calendar dates (patch install dates, end-of-support days) are compared. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final List<Evidence> NONE = List.of();

    private final RulePack pack;
    private final ZoneId zone;
    private final Map<RuleId, Explanation> notApplicable = new EnumMap<>(RuleId.class);
    private final ConcurrentHashMap<String, Boolean> avNames = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> edrNames = new ConcurrentHashMap<>();

    /** An evaluator of the pack comparing dates in Asia/Ho_Chi_Minh. */
    public RuleEvaluator(RulePack pack) {
        this(pack, DEFAULT_ZONE);
    }

    public RuleEvaluator(RulePack pack, ZoneId zone) {
        this.pack = pack;
        this.zone = zone;
        for (RuleId r : RuleId.values()) {
            notApplicable.put(
                    r, ex(r, "na", "Quy tắc không áp dụng cho đối tượng này", "Rule does not apply to this subject"));
        }
    }

    public RulePack pack() {
        return pack;
    }

    /** Evaluates every rule of the pack on one thread; results are ordered by endpoint, then rule, units last. */
    public Evaluation evaluate(ComplianceInput input, Instant now) {
        return run(input, now, false);
    }

    /** As {@link #evaluate}, splitting the endpoints across the common fork-join pool; same results, same order. */
    public Evaluation evaluateInParallel(ComplianceInput input, Instant now) {
        return run(input, now, true);
    }

    private Evaluation run(ComplianceInput input, Instant now, boolean parallel) {
        Context ctx = new Context(input, now, LocalDate.ofInstant(now, zone), usbCrossings(input.endpoints()));
        Stream<EndpointFacts> endpoints = parallel ? input.endpoints().parallelStream() : input.endpoints().stream();
        List<RuleResult> results =
                new ArrayList<>(input.endpoints().size() * pack.rules().size());
        endpoints.map(e -> evaluateEndpoint(e, ctx)).forEachOrdered(results::addAll);
        if (pack.rules().containsKey(RuleId.IT_OFFICER)) {
            for (UnitFacts u : input.units()) {
                results.add(itOfficer(u));
            }
        }
        return new Evaluation(pack.id(), pack.version(), now, results);
    }

    private record Context(
            ComplianceInput input, Instant now, LocalDate today, Map<String, List<Sighting>> usbSightingsOnNetworked) {}

    /** A storage device seen on a networked (INTERNET/CPNET) endpoint. */
    private record Sighting(EndpointFacts endpoint, RemovableStorageDevice device) {}

    /** Serials seen on secret machines → where the same serial was seen on INTERNET/CPNET machines. */
    private static Map<String, List<Sighting>> usbCrossings(List<EndpointFacts> endpoints) {
        Set<String> secretSerials = new HashSet<>();
        for (EndpointFacts e : endpoints) {
            if (e.handlesStateSecrets()) {
                for (RemovableStorageDevice d : e.storageDevices()) {
                    secretSerials.add(d.serial());
                }
            }
        }
        Map<String, List<Sighting>> out = new HashMap<>();
        if (secretSerials.isEmpty()) {
            return out;
        }
        for (EndpointFacts e : endpoints) {
            if (e.zone() != null && e.zone().isNetworked()) {
                for (RemovableStorageDevice d : e.storageDevices()) {
                    if (secretSerials.contains(d.serial())) {
                        out.computeIfAbsent(d.serial(), k -> new ArrayList<>()).add(new Sighting(e, d));
                    }
                }
            }
        }
        return out;
    }

    private List<RuleResult> evaluateEndpoint(EndpointFacts e, Context ctx) {
        String unit = ctx.input().endpointUnits().get(e.id());
        Subject subject = Subject.endpoint(e.id());
        List<RuleResult> out = new ArrayList<>(pack.rules().size());
        for (RuleId rule : pack.rules().keySet()) {
            Outcome o =
                    switch (rule) {
                        case AV_PRESENT -> avPresent(e);
                        case AV_CURRENT -> avCurrent(e, ctx.now());
                        case EDR_PRESENT -> edrPresent(e);
                        case PATCH_AGE -> patchAge(e, ctx.today());
                        case OS_SUPPORTED -> osSupported(e, ctx.today());
                        case SECRET_ZONE -> secretZone(e, ctx.input().networkLogSightings());
                        case SECRET_USB -> secretUsb(e, ctx.usbSightingsOnNetworked());
                        case BACKUP_AGE -> backupAge(e, ctx.now());
                        case REPORTING -> reporting(e, ctx.now());
                        case IT_OFFICER,
                                ACCOUNT_DEFAULT,
                                ACCOUNT_WEAK,
                                ACCOUNT_BREACHED,
                                ACCOUNT_LEAKED,
                                ACCOUNT_SHARED,
                                ACCOUNT_IDLE,
                                ACCOUNT_ORPHAN,
                                ACCOUNT_ADMIN_MFA -> null;
                    };
            if (o != null) {
                out.add(new RuleResult(rule, subject, unit, o.status, o.evidence, o.explanation));
            }
        }
        return out;
    }

    private record Outcome(Status status, List<Evidence> evidence, Explanation explanation) {}

    private Outcome pass(RuleId r, List<Evidence> ev, String suffix, String vi, String en, String... args) {
        return new Outcome(Status.PASS, ev, ex(r, suffix, vi, en, args));
    }

    private Outcome fail(RuleId r, List<Evidence> ev, String suffix, String vi, String en, String... args) {
        return new Outcome(Status.FAIL, ev, ex(r, suffix, vi, en, args));
    }

    private Outcome na(RuleId r) {
        return new Outcome(Status.NOT_APPLICABLE, NONE, notApplicable.get(r));
    }

    private static Explanation ex(RuleId r, String suffix, String vi, String en, String... args) {
        return new Explanation("compliance." + r.code() + "." + suffix, List.of(args), vi, en);
    }

    // ---- AV-PRESENT ------------------------------------------------------------------------------------------

    private Outcome avPresent(EndpointFacts e) {
        RuleId r = RuleId.AV_PRESENT;
        SecurityProduct inactive = null;
        for (SecurityProduct p : e.securityProducts()) {
            if (p.kind() == SecurityProductKind.ANTIVIRUS) {
                if (p.isActive()) {
                    return pass(
                            r,
                            List.of(product(p)),
                            "pass",
                            "Có phần mềm phòng chống mã độc đang hoạt động: " + p.name(),
                            "Active antivirus: " + p.name(),
                            p.name());
                }
                inactive = p;
            }
        }
        if (inactive != null) {
            return fail(
                    r,
                    List.of(product(inactive)),
                    "fail.inactive",
                    "Phần mềm phòng chống mã độc " + inactive.name() + " đang bị tắt",
                    "Antivirus " + inactive.name() + " is stopped or disabled",
                    inactive.name());
        }
        InstalledSoftware sw = findSoftware(e, avNames, pack.antivirusProducts());
        if (sw != null) {
            return pass(
                    r,
                    List.of(software(sw)),
                    "pass.installed",
                    "Đã cài " + sw.name() + " (trạng thái hoạt động chưa được báo cáo)",
                    sw.name() + " is installed (running state not reported)",
                    sw.name());
        }
        return fail(
                r,
                List.of(new Evidence("securityProduct", "no antivirus reported", null)),
                "fail.missing",
                "Không có phần mềm phòng chống mã độc",
                "No antivirus reported");
    }

    // ---- AV-CURRENT ------------------------------------------------------------------------------------------

    private Outcome avCurrent(EndpointFacts e, Instant now) {
        RuleId r = RuleId.AV_CURRENT;
        int days = pack.days(r);
        Instant limit = now.minus(Duration.ofDays(days));
        SecurityProduct best = null;
        boolean anyAv = false;
        for (SecurityProduct p : e.securityProducts()) {
            if (p.kind() != SecurityProductKind.ANTIVIRUS || !p.isActive()) {
                continue;
            }
            anyAv = true;
            if (p.signatureDate() != null) {
                if (!p.signatureDate().isBefore(limit)) {
                    return pass(
                            r,
                            List.of(product(p)),
                            "pass",
                            "Mẫu nhận diện của " + p.name() + " phát hành " + p.signatureDate() + ", trong vòng " + days
                                    + " ngày",
                            p.name() + " signatures released " + p.signatureDate() + ", within " + days + " days",
                            p.name(),
                            String.valueOf(p.signatureDate()),
                            String.valueOf(days));
                }
                if (best == null
                        || best.signatureDate() == null
                        || p.signatureDate().isAfter(best.signatureDate())) {
                    best = p;
                }
            } else if (Boolean.TRUE.equals(p.signaturesUpToDate())
                    && !p.source().observedAt().isBefore(limit)) {
                return pass(
                        r,
                        List.of(product(p)),
                        "pass.reported",
                        p.name() + " báo mẫu nhận diện đã cập nhật lúc "
                                + p.source().observedAt(),
                        p.name() + " reported current signatures at "
                                + p.source().observedAt(),
                        p.name(),
                        String.valueOf(p.source().observedAt()));
            } else if (best == null) {
                best = p;
            }
        }
        if (!anyAv) {
            return fail(
                    r,
                    List.of(new Evidence("securityProduct", "no active antivirus", null)),
                    "fail.noav",
                    "Không có phần mềm phòng chống mã độc đang hoạt động nên không có mẫu nhận diện mới",
                    "No active antivirus, so no current signatures");
        }
        if (best.signatureDate() != null) {
            long age = ChronoUnit.DAYS.between(best.signatureDate(), now);
            return fail(
                    r,
                    List.of(product(best)),
                    "fail.stale",
                    "Mẫu nhận diện của " + best.name() + " đã " + age + " ngày (quá " + days + " ngày)",
                    best.name() + " signatures are " + age + " days old (more than " + days + ")",
                    best.name(),
                    String.valueOf(age),
                    String.valueOf(days));
        }
        if (Boolean.FALSE.equals(best.signaturesUpToDate())) {
            return fail(
                    r,
                    List.of(product(best)),
                    "fail.outdated",
                    best.name() + " báo mẫu nhận diện chưa cập nhật",
                    best.name() + " reports out-of-date signatures",
                    best.name());
        }
        return fail(
                r,
                List.of(product(best)),
                "fail.unknown",
                "Không có thông tin mới (trong " + days + " ngày) về mẫu nhận diện của " + best.name(),
                "No signature information for " + best.name() + " within " + days + " days",
                best.name(),
                String.valueOf(days));
    }

    // ---- EDR-PRESENT -----------------------------------------------------------------------------------------

    private Outcome edrPresent(EndpointFacts e) {
        RuleId r = RuleId.EDR_PRESENT;
        if (e.zone() != Zone.CPNET) {
            return na(r);
        }
        SecurityProduct inactive = null;
        for (SecurityProduct p : e.securityProducts()) {
            if (p.kind() == SecurityProductKind.EDR) {
                if (p.isActive()) {
                    return pass(
                            r,
                            List.of(product(p)),
                            "pass",
                            "EDR " + p.name() + " đang hoạt động",
                            "EDR " + p.name() + " is reporting",
                            p.name());
                }
                inactive = p;
            }
        }
        InstalledSoftware sw = findSoftware(e, edrNames, pack.edrProducts());
        if (inactive != null) {
            return fail(
                    r,
                    List.of(product(inactive)),
                    "fail.inactive",
                    "EDR " + inactive.name() + " mất kết nối hoặc bị tắt",
                    "EDR " + inactive.name() + " is not reporting",
                    inactive.name());
        }
        if (sw != null) {
            return pass(
                    r,
                    List.of(software(sw)),
                    "pass.installed",
                    "Đã cài tác tử EDR " + sw.name(),
                    "EDR agent " + sw.name() + " is installed",
                    sw.name());
        }
        return fail(
                r,
                List.of(new Evidence("securityProduct", "no EDR agent reported", null)),
                "fail.missing",
                "Máy trên mạng truyền số liệu chuyên dùng không có EDR",
                "CPNet computer without an EDR agent");
    }

    // ---- PATCH-AGE -------------------------------------------------------------------------------------------

    private Outcome patchAge(EndpointFacts e, LocalDate today) {
        RuleId r = RuleId.PATCH_AGE;
        int days = pack.days(r);
        OsPatch newest = null;
        for (OsPatch p : e.patches()) {
            if (p.installedOn() != null && (newest == null || p.installedOn().isAfter(newest.installedOn()))) {
                newest = p;
            }
        }
        if (newest == null) {
            if (e.os() != null && !e.os().isWindows() && e.patches().isEmpty()) {
                return na(r);
            }
            return fail(
                    r,
                    List.of(new Evidence("patch", "no dated OS update reported", null)),
                    "fail.none",
                    "Không có thông tin bản cập nhật hệ điều hành",
                    "No dated OS update reported");
        }
        long age = ChronoUnit.DAYS.between(newest.installedOn(), today);
        Evidence ev = new Evidence("patch", newest.id() + " installed " + newest.installedOn(), newest.source());
        if (age > days) {
            return fail(
                    r,
                    List.of(ev),
                    "fail.stale",
                    "Bản cập nhật mới nhất " + newest.id() + " cài ngày " + newest.installedOn() + ", đã " + age
                            + " ngày (quá " + days + ")",
                    "Newest update " + newest.id() + " installed " + newest.installedOn() + ", " + age
                            + " days ago (more than " + days + ")",
                    newest.id(),
                    String.valueOf(newest.installedOn()),
                    String.valueOf(age),
                    String.valueOf(days));
        }
        return pass(
                r,
                List.of(ev),
                "pass",
                "Bản cập nhật mới nhất " + newest.id() + " cài ngày " + newest.installedOn(),
                "Newest update " + newest.id() + " installed " + newest.installedOn(),
                newest.id(),
                String.valueOf(newest.installedOn()));
    }

    // ---- OS-SUPPORTED ----------------------------------------------------------------------------------------

    private Outcome osSupported(EndpointFacts e, LocalDate today) {
        RuleId r = RuleId.OS_SUPPORTED;
        if (e.os() == null) {
            return fail(
                    r,
                    List.of(new Evidence("os", "operating system not reported", null)),
                    "fail.unknown",
                    "Chưa có thông tin hệ điều hành",
                    "Operating system not reported");
        }
        String os = e.os().displayName();
        Evidence ev = new Evidence("os", os, e.os().source());
        OsEndOfSupport eos = pack.endOfSupportOf(os);
        if (eos != null && today.isAfter(eos.endOfSupport())) {
            return fail(
                    r,
                    List.of(ev),
                    "fail",
                    os + " đã hết hỗ trợ từ " + eos.endOfSupport(),
                    os + " reached end of support on " + eos.endOfSupport(),
                    os,
                    String.valueOf(eos.endOfSupport()));
        }
        return pass(r, List.of(ev), "pass", os + " còn được hỗ trợ", os + " is supported", os);
    }

    // ---- SECRET-ZONE -----------------------------------------------------------------------------------------

    private Outcome secretZone(EndpointFacts e, Map<String, FactSource> sightings) {
        RuleId r = RuleId.SECRET_ZONE;
        if (!e.handlesStateSecrets()) {
            return na(r);
        }
        List<Evidence> ev = new ArrayList<>();
        List<String> vi = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (e.zone() == null) {
            ev.add(new Evidence("zone", "zone not recorded", null));
            vi.add("chưa xác định vùng mạng");
            en.add("zone not recorded");
        } else if (!e.zone().allowsStateSecrets()) {
            ev.add(new Evidence("zone", e.zone().name(), null));
            vi.add("nằm trong vùng " + e.zone().name());
            en.add("is in zone " + e.zone().name());
        }
        for (InternetConnectivity c : e.connectivity()) {
            if (c.reachable()) {
                ev.add(new Evidence("internetConnectivity", c.detail(), c.source()));
                vi.add("có kết nối Internet lúc " + c.source().observedAt());
                en.add("reached the Internet at " + c.source().observedAt());
            }
        }
        FactSource seen = sightings.get(e.id());
        if (seen != null) {
            ev.add(new Evidence("networkLog", "seen in " + seen.input(), seen));
            vi.add("xuất hiện trong nhật ký " + seen.input() + " lúc " + seen.observedAt());
            en.add("appears in " + seen.input() + " logs at " + seen.observedAt());
        }
        if (!ev.isEmpty()) {
            return fail(
                    r,
                    ev,
                    "fail",
                    "Máy xử lý bí mật nhà nước " + String.join("; ", vi),
                    "State-secret machine " + String.join("; ", en),
                    String.join("; ", en));
        }
        return pass(
                r,
                List.of(new Evidence("zone", e.zone().name(), null)),
                "pass",
                "Máy xử lý bí mật nhà nước ở vùng " + e.zone().name() + ", không thấy kết nối mạng",
                "State-secret machine in zone " + e.zone().name() + ", no network connection seen",
                e.zone().name());
    }

    // ---- SECRET-USB ------------------------------------------------------------------------------------------

    private Outcome secretUsb(EndpointFacts e, Map<String, List<Sighting>> crossings) {
        RuleId r = RuleId.SECRET_USB;
        if (!e.handlesStateSecrets()) {
            return na(r);
        }
        List<Evidence> ev = new ArrayList<>();
        Map<String, List<String>> serialToOthers = new LinkedHashMap<>();
        for (RemovableStorageDevice d : e.storageDevices()) {
            List<Sighting> seen = crossings.get(d.serial());
            if (seen == null) {
                continue;
            }
            List<String> others = new ArrayList<>();
            List<Evidence> otherEv = new ArrayList<>();
            for (Sighting s : seen) {
                if (!s.endpoint().id().equals(e.id())) {
                    others.add(s.endpoint().id());
                    otherEv.add(new Evidence(
                            "storageDevice",
                            d.serial() + " on " + s.endpoint().id() + " ("
                                    + s.endpoint().zone() + "), last seen "
                                    + s.device().lastSeen(),
                            s.device().source()));
                }
            }
            if (!others.isEmpty() && !serialToOthers.containsKey(d.serial())) {
                serialToOthers.put(d.serial(), others);
                ev.add(new Evidence(
                        "storageDevice",
                        d.serial() + " on this secret machine, last seen " + d.lastSeen() + "; also on "
                                + String.join(", ", others),
                        d.source()));
                ev.addAll(otherEv);
            }
        }
        if (!serialToOthers.isEmpty()) {
            String serials = String.join(", ", serialToOthers.keySet());
            Set<String> others = new java.util.TreeSet<>();
            serialToOthers.values().forEach(others::addAll);
            String where = String.join(", ", others);
            return fail(
                    r,
                    ev,
                    "fail",
                    "Thiết bị lưu trữ " + serials + " đã cắm vào máy mật và máy kết nối mạng " + where,
                    "Storage device(s) " + serials + " used on this secret machine and on networked machine(s) "
                            + where,
                    serials,
                    where);
        }
        return pass(
                r,
                NONE,
                "pass",
                "Không thấy thiết bị lưu trữ dùng chung với máy kết nối mạng",
                "No storage device shared with a networked machine");
    }

    // ---- BACKUP-AGE ------------------------------------------------------------------------------------------

    private Outcome backupAge(EndpointFacts e, Instant now) {
        RuleId r = RuleId.BACKUP_AGE;
        if (!e.isServer()) {
            return na(r);
        }
        int days = pack.days(r);
        if (e.backup() == null) {
            return fail(
                    r,
                    List.of(new Evidence("backup", "no successful backup recorded", null)),
                    "fail.none",
                    "Máy chủ chưa có bản sao lưu thành công nào được ghi nhận",
                    "No successful backup recorded for this server");
        }
        Instant last = e.backup().lastSuccess();
        Evidence ev = new Evidence("backup", "last success " + last, e.backup().source());
        if (last.isBefore(now.minus(Duration.ofDays(days)))) {
            long age = ChronoUnit.DAYS.between(last, now);
            return fail(
                    r,
                    List.of(ev),
                    "fail.stale",
                    "Lần sao lưu thành công cuối cách đây " + age + " ngày (quá " + days + ")",
                    "Last successful backup " + age + " days ago (more than " + days + ")",
                    String.valueOf(age),
                    String.valueOf(days));
        }
        return pass(
                r,
                List.of(ev),
                "pass",
                "Sao lưu thành công lúc " + last,
                "Backed up successfully at " + last,
                String.valueOf(last));
    }

    // ---- REPORTING -------------------------------------------------------------------------------------------

    private Outcome reporting(EndpointFacts e, Instant now) {
        RuleId r = RuleId.REPORTING;
        int days = pack.days(r);
        if (e.lastSeen() == null) {
            return fail(
                    r,
                    List.of(new Evidence("lastSeen", "never reported", null)),
                    "fail.never",
                    "Máy chưa từng báo cáo",
                    "Endpoint has never reported");
        }
        Evidence ev = new Evidence("lastSeen", String.valueOf(e.lastSeen()), null);
        if (e.lastSeen().isBefore(now.minus(Duration.ofDays(days)))) {
            long age = ChronoUnit.DAYS.between(e.lastSeen(), now);
            return fail(
                    r,
                    List.of(ev),
                    "fail.silent",
                    "Máy im lặng " + age + " ngày (quá " + days + ")",
                    "Endpoint silent for " + age + " days (more than " + days + ")",
                    String.valueOf(age),
                    String.valueOf(days));
        }
        return pass(
                r,
                List.of(ev),
                "pass",
                "Báo cáo lần cuối lúc " + e.lastSeen(),
                "Last reported at " + e.lastSeen(),
                String.valueOf(e.lastSeen()));
    }

    // ---- IT-OFFICER ------------------------------------------------------------------------------------------

    private RuleResult itOfficer(UnitFacts u) {
        RuleId r = RuleId.IT_OFFICER;
        Subject s = Subject.unit(u.unitId());
        if (u.itOfficer() != null) {
            return new RuleResult(
                    r,
                    s,
                    u.unitId(),
                    Status.PASS,
                    List.of(new Evidence("itOfficer", u.itOfficer(), u.source())),
                    ex(
                            r,
                            "pass",
                            "Cán bộ phụ trách CNTT: " + u.itOfficer(),
                            "IT officer: " + u.itOfficer(),
                            u.itOfficer()));
        }
        return new RuleResult(
                r,
                s,
                u.unitId(),
                Status.FAIL,
                List.of(new Evidence("itOfficer", "none designated", u.source())),
                ex(r, "fail", "Đơn vị chưa phân công cán bộ phụ trách CNTT", "Unit has no designated IT officer"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static Evidence product(SecurityProduct p) {
        StringBuilder sb = new StringBuilder(p.name());
        if (p.version() != null) {
            sb.append(' ').append(p.version());
        }
        sb.append(" (").append(p.kind());
        if (p.running() != null) {
            sb.append(", running=").append(p.running());
        }
        if (p.enabled() != null) {
            sb.append(", enabled=").append(p.enabled());
        }
        if (p.signatureDate() != null) {
            sb.append(", signatures ").append(p.signatureDate());
        }
        if (p.signaturesUpToDate() != null) {
            sb.append(", signaturesUpToDate=").append(p.signaturesUpToDate());
        }
        return new Evidence("securityProduct", sb.append(')').toString(), p.source());
    }

    private static Evidence software(InstalledSoftware s) {
        return new Evidence("software", s.version() == null ? s.name() : s.name() + " " + s.version(), s.source());
    }

    private static @Nullable InstalledSoftware findSoftware(
            EndpointFacts e, ConcurrentHashMap<String, Boolean> cache, List<String> fragments) {
        if (fragments.isEmpty()) {
            return null;
        }
        for (InstalledSoftware s : e.software()) {
            Boolean hit = cache.get(s.name());
            if (hit == null) {
                hit = matchesAny(s.name(), fragments);
                cache.putIfAbsent(s.name(), hit);
            }
            if (hit) {
                return s;
            }
        }
        return null;
    }

    /** Whether a product name contains one of the fragments, starting at a word boundary. */
    static boolean matchesAny(String name, List<String> fragments) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String f : fragments) {
            int at = lower.indexOf(f);
            while (at >= 0) {
                if (at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1))) {
                    return true;
                }
                at = lower.indexOf(f, at + 1);
            }
        }
        return false;
    }
}
