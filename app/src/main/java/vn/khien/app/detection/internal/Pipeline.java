package vn.khien.app.detection.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.app.detection.AlertRaised;
import vn.khien.app.detection.DetectionException;
import vn.khien.app.detection.Evidence;
import vn.khien.app.detection.SecretMachineSeen;
import vn.khien.app.intel.IntelService;
import vn.khien.app.inventory.EndpointAddress;
import vn.khien.app.inventory.InventoryService;
import vn.khien.app.org.IpRange;
import vn.khien.app.org.OrgException;
import vn.khien.app.org.UnitService;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.intel.Indicator;
import vn.khien.core.intel.IndicatorMatch;
import vn.khien.core.logs.LogEvent;
import vn.khien.core.logs.LogFormat;
import vn.khien.core.logs.LogFormats;
import vn.khien.core.logs.LogParser;

/**
 * The path every log line takes, whatever way it came in: core parser → normalised {@link LogEvent} → the
 * intelligence matchers → an in-memory tally per (rule, machine, indicator) → on flush, attribution of each
 * machine to its inventory endpoint (when the inventory knows its address) and unit and one upsert per alert (so a million hits of one pair write one row, not a million),
 * bounded evidence, and an {@link AlertRaised} event for each alert created. Every line's source address is also
 * remembered until the flush: one from a machine marked as handling state secrets raises a SECRET-ZONE alert and
 * a {@link SecretMachineSeen} event (compliance's evidence).
 *
 * <p>A {@link Session} belongs to one thread; the pipeline itself is stateless and thread-safe.
 */
@Component
public class Pipeline {
    static final int FLUSH_KEYS = 2_000;
    /** Distinct source addresses remembered between flushes (for SECRET-ZONE) before a flush is forced. */
    static final int FLUSH_ADDRESSES = 20_000;

    static final String SECRET_ZONE = "SECRET-ZONE";
    static final Set<String> GRAVE_TAGS =
            Set.of("apt", "ransomware", "c2", "c&c", "cnc", "botnet", "backdoor", "rat", "stealer", "wiper");

    private final IntelService intel;
    private final UnitService units;
    private final InventoryService inventory;
    private final DetectionDao dao;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LogFormats formats = LogFormats.defaults();

    public Pipeline(
            IntelService intel,
            UnitService units,
            InventoryService inventory,
            DetectionDao dao,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.intel = intel;
        this.units = units;
        this.inventory = inventory;
        this.dao = dao;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** The parser of a format named on a form or a query string ({@code auto} or empty gives {@code null}). */
    public static @Nullable LogFormat format(@Nullable String name) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("auto")) {
            return null;
        }
        return LogFormats.byName(name)
                .orElseThrow(() -> new DetectionException(
                        DetectionException.Kind.INVALID,
                        "unknown log format '" + name + "'; one of auto, " + String.join(", ", LogFormats.names())));
    }

    /** The format most of {@code lines} are in. */
    public Optional<LogFormat> detect(List<String> lines) {
        return formats.detect(lines);
    }

    public LogParser parser(LogFormat format) {
        return vn.khien.core.logs.LogParsers.forFormat(format);
    }

    /** Opens a session writing to the source {@code name} (created if new), raising alerts anywhere. */
    public Session open(String name, String kind, @Nullable LogFormat format) {
        return open(name, kind, format, UnitScope.province());
    }

    /**
     * Opens a session whose alerts are limited to machines of units in {@code scope}: a commune officer's upload
     * cannot raise alerts against another commune (or against addresses no unit owns).
     */
    public Session open(String name, String kind, @Nullable LogFormat format, UnitScope scope) {
        Long id = tx.execute(s -> dao.source(name, kind, format == null ? null : format.name()));
        return new Session(name, id == null ? 0 : id, scope);
    }

    /**
     * Reads {@code in} to the end with the parser of {@code format} (or the one its first lines look like),
     * counting and flushing as it goes.
     */
    public ImportReport run(Session session, @Nullable LogFormat format, InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        LogFormat f = format;
        if (f == null) {
            b.mark(1 << 16);
            byte[] head = b.readNBytes(1 << 16);
            b.reset();
            String text = new String(head, StandardCharsets.UTF_8);
            List<String> first = text.lines().limit(50).toList();
            f = detect(first)
                    .orElseThrow(() -> new DetectionException(
                            DetectionException.Kind.INVALID,
                            "cannot tell the log format from the first lines; choose one"));
        }
        session.format = f;
        ImportReport report = parser(f).parse(b, session::accept);
        session.lines += report.read();
        session.malformed += report.rejected();
        session.flush();
        return report;
    }

    /** One run of ingestion into one source: tallies matches and writes them at each flush. */
    public final class Session {
        final String name;
        final long sourceId;

        @Nullable
        LogFormat format;

        IntelService.Matchers matchers = intel.matchers();
        final Map<String, Tally> tallies = new LinkedHashMap<>();
        /** Every source address seen since the last flush, with its first line (SECRET-ZONE evidence). */
        final Map<String, Seen> seen = new HashMap<>();

        long lines;
        long malformed;
        long matched;
        long totalMatched;
        long dropped;
        long created;
        long updated;

        final UnitScope scope;

        Session(String name, long sourceId, UnitScope scope) {
            this.name = name;
            this.sourceId = sourceId;
            this.scope = scope;
        }

        public String name() {
            return name;
        }

        public @Nullable LogFormat format() {
            return format;
        }

        public long created() {
            return created;
        }

        public long updated() {
            return updated;
        }

        /** Events matched over the whole session. */
        public long matched() {
            return totalMatched;
        }

        /** Counts lines handed to the parser outside {@link #run} (syslog). */
        public void counted(long lines, long malformed) {
            this.lines += lines;
            this.malformed += malformed;
        }

        public void dropped(long n) {
            this.dropped += n;
        }

        /** Matches one event and tallies what it hit. */
        public void accept(LogEvent e) {
            remember(e);
            boolean hit = false;
            for (IndicatorMatch m : matchers.indicators().match(e)) {
                String host = m.field() == IndicatorMatch.Field.SOURCE_IP ? e.destinationIp() : e.sourceIp();
                if (host == null) {
                    continue;
                }
                tally("CNC-CONTACT", host, m.observed(), m.indicator(), e);
                hit = true;
            }
            String domain = e.domain();
            if (domain != null && e.sourceIp() != null && e.kind() != LogEvent.Kind.DNS_ANSWER) {
                int w = matchers.webmail().matchDomain(domain);
                if (w >= 0) {
                    tally("WEBMAIL", e.sourceIp(), domain, matchers.webmail().indicator(w), e);
                    hit = true;
                }
            }
            if (hit) {
                matched++;
                totalMatched++;
                if (tallies.size() >= FLUSH_KEYS) {
                    flush();
                }
            }
        }

        private void remember(LogEvent e) {
            String ip = e.sourceIp();
            if (ip == null) {
                return;
            }
            Instant at = e.time() == null ? clock.instant() : e.time();
            Seen s = seen.get(ip);
            if (s == null) {
                seen.put(ip, new Seen(at, new Evidence(at, name, e.line(), e.raw())));
                if (seen.size() >= FLUSH_ADDRESSES) {
                    flush();
                }
                return;
            }
            s.count++;
            if (at.isBefore(s.first)) {
                s.first = at;
                s.evidence = new Evidence(at, name, e.line(), e.raw());
            }
            if (at.isAfter(s.last)) {
                s.last = at;
            }
        }

        private void tally(String rule, String host, String observed, Indicator ind, LogEvent e) {
            String key = rule + '\u0000' + host + '\u0000' + ind.type() + '\u0000' + ind.value();
            Tally t = tallies.get(key);
            Instant at = e.time() == null ? clock.instant() : e.time();
            if (t == null) {
                t = new Tally(rule, host, ind, at);
                tallies.put(key, t);
            }
            t.count++;
            t.observed = observed;
            if (at.isBefore(t.first)) {
                t.first = at;
            }
            if (at.isAfter(t.last)) {
                t.last = at;
            }
            if (t.evidence.size() == DetectionDao.EVIDENCE_KEPT) {
                t.evidence.removeFirst();
            }
            t.evidence.addLast(new Evidence(at, name, e.line(), e.raw()));
        }

        /** Writes the tallies and counters in one transaction, then takes the newest matchers. */
        public void flush() {
            Instant now = clock.instant();
            List<Object> raised = new ArrayList<>();
            tx.executeWithoutResult(s -> {
                Map<String, Optional<IpRange>> owners = new HashMap<>();
                List<String> addresses = new ArrayList<>(seen.keySet());
                for (Tally t : tallies.values()) {
                    if (!seen.containsKey(t.host)) {
                        addresses.add(t.host);
                    }
                }
                Map<String, EndpointAddress> machines = machines(addresses);
                List<Long> ids = new ArrayList<>();
                List<Evidence> lines = new ArrayList<>();
                for (Map.Entry<String, Seen> e : seen.entrySet()) {
                    EndpointAddress m = machines.get(e.getKey());
                    if (m == null || !m.handlesSecrets()) {
                        continue;
                    }
                    Seen v = e.getValue();
                    Optional<IpRange> owner = owners.computeIfAbsent(e.getKey(), Pipeline.this::owner);
                    Long unit = m.unitId() != null
                            ? m.unitId()
                            : owner.map(IpRange::unitId).orElse(null);
                    if (!scope.all() && (unit == null || !scope.allows(unit))) {
                        continue; // outside the uploader's units
                    }
                    DetectionDao.Upserted up = dao.upsert(new DetectionDao.Sighting(
                            SECRET_ZONE,
                            e.getKey(),
                            "ENDPOINT",
                            m.name(),
                            e.getKey(),
                            unit,
                            owner.map(IpRange::network).orElse(null),
                            "inventory",
                            100,
                            null,
                            List.of("state-secret"),
                            "HIGH",
                            v.first,
                            v.last,
                            v.count,
                            sourceId,
                            m.endpointId(),
                            m.name()));
                    if (up.created()) {
                        created++;
                        raised.add(new AlertRaised(up.id(), SECRET_ZONE, unit, e.getKey(), m.name(), "HIGH", v.first));
                    } else {
                        updated++;
                    }
                    ids.add(up.id());
                    lines.add(v.evidence);
                    raised.add(new SecretMachineSeen(m.endpointId(), e.getKey(), name, v.first));
                }
                for (Tally t : tallies.values()) {
                    Optional<IpRange> owner = owners.computeIfAbsent(t.host, Pipeline.this::owner);
                    EndpointAddress machine = machines.get(t.host);
                    Long unit = machine != null && machine.unitId() != null
                            ? machine.unitId()
                            : owner.map(IpRange::unitId).orElse(null);
                    if (t.rule.equals("WEBMAIL") && unit == null) {
                        continue; // the policy is about official machines only
                    }
                    if (!scope.all() && (unit == null || !scope.allows(unit))) {
                        continue; // outside the uploader's units
                    }
                    String severity = severity(t.rule, t.indicator);
                    DetectionDao.Upserted up = dao.upsert(new DetectionDao.Sighting(
                            t.rule,
                            t.host,
                            t.indicator.type().name(),
                            t.indicator.value(),
                            t.observed,
                            unit,
                            owner.map(IpRange::network).orElse(null),
                            t.indicator.source(),
                            t.indicator.confidence(),
                            t.indicator.tlp(),
                            t.indicator.tags(),
                            severity,
                            t.first,
                            t.last,
                            t.count,
                            sourceId,
                            machine == null ? null : machine.endpointId(),
                            machine == null ? null : machine.name()));
                    if (up.created()) {
                        created++;
                        raised.add(
                                new AlertRaised(up.id(), t.rule, unit, t.host, t.indicator.value(), severity, t.first));
                    } else {
                        updated++;
                    }
                    for (Evidence ev : t.evidence) {
                        ids.add(up.id());
                        lines.add(ev);
                    }
                }
                dao.addEvidence(ids, lines);
                dao.count(sourceId, lines(), malformed, matched, dropped, now);
                raised.forEach(events::publishEvent);
            });
            tallies.clear();
            seen.clear();
            flushedLines += lines;
            lines = 0;
            malformed = 0;
            matched = 0;
            dropped = 0;
            matchers = intel.matchers();
        }

        private long flushedLines;

        private long lines() {
            return lines;
        }

        /** Lines counted by flushes so far plus those pending. */
        public long totalLines() {
            return flushedLines + lines;
        }
    }

    /** The inventory's endpoints of these addresses, in one query per flush. */
    private Map<String, EndpointAddress> machines(List<String> addresses) {
        if (addresses.isEmpty()) {
            return Map.of();
        }
        return inventory.endpointsByIp(addresses);
    }

    private Optional<IpRange> owner(String ip) {
        try {
            return units.ownerOf(UnitScope.province(), ip);
        } catch (OrgException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Severity from the indicator's confidence, one step graver for C&C, APT, ransomware and similar tags. */
    static String severity(String rule, Indicator ind) {
        if (rule.equals("WEBMAIL")) {
            return "MEDIUM";
        }
        int level = ind.confidence() >= 80 ? 2 : ind.confidence() >= 50 ? 1 : 0;
        for (String tag : ind.tags()) {
            String t = tag.toLowerCase(Locale.ROOT);
            if (GRAVE_TAGS.stream()
                    .anyMatch(g ->
                            t.equals(g) || t.contains(g + ":") || t.endsWith("=" + g) || t.endsWith("\"" + g + "\""))) {
                level++;
                break;
            }
        }
        return switch (Math.min(level, 3)) {
            case 0 -> "LOW";
            case 1 -> "MEDIUM";
            case 2 -> "HIGH";
            default -> "CRITICAL";
        };
    }

    static final class Seen {
        Instant first;
        Instant last;
        long count = 1;
        Evidence evidence;

        Seen(Instant at, Evidence evidence) {
            this.first = at;
            this.last = at;
            this.evidence = evidence;
        }
    }

    static final class Tally {
        final String rule;
        final String host;
        final Indicator indicator;
        final ArrayDeque<Evidence> evidence = new ArrayDeque<>();
        String observed = "";
        Instant first;
        Instant last;
        long count;

        Tally(String rule, String host, Indicator indicator, Instant at) {
            this.rule = rule;
            this.host = host;
            this.indicator = indicator;
            this.first = at;
            this.last = at;
        }
    }
}
