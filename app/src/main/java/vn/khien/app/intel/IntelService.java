package vn.khien.app.intel;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.intel.internal.FeedHttp;
import vn.khien.app.intel.internal.IntelDao;
import vn.khien.core.ingest.ImportReport;
import vn.khien.core.ingest.Rejection;
import vn.khien.core.intel.Domains;
import vn.khien.core.intel.Indicator;
import vn.khien.core.intel.IndicatorMatcher;
import vn.khien.core.intel.IndicatorType;
import vn.khien.core.intel.feeds.IndicatorFile;
import vn.khien.core.intel.feeds.IndicatorFiles;
import vn.khien.core.intel.feeds.IndicatorFormatException;
import vn.khien.core.intel.feeds.IndicatorImport;
import vn.khien.core.intel.feeds.TaxiiClient;
import vn.khien.core.intel.feeds.TaxiiException;
import vn.khien.core.intel.feeds.Warninglist;
import vn.khien.core.intel.feeds.Warninglists;

/**
 * Indicators of compromise and their feeds: imports (files, URLs, TAXII collections) applied whole in one
 * transaction and idempotent, warninglist suppression, revocation, and the matcher detection uses.
 *
 * <p>The matcher is immutable and held in an {@link AtomicReference}: readers take the current one without
 * locking, and every change that commits builds a new one and swaps it in.
 */
@Service
public class IntelService {
    private static final Logger log = LoggerFactory.getLogger(IntelService.class);
    private static final String WRITERS = "hasAnyRole('ADMIN','COORDINATOR','RESPONDER','POLICE')";
    private static final int MAX_ATTEMPTS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IntelDao dao;
    private final FeedHttp http;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final AtomicReference<@Nullable Matchers> matchers = new AtomicReference<>();

    /**
     * The current matchers: indicators of compromise, and the free-webmail policy list.
     *
     * @param indicators active indicators of every feed
     * @param webmail webmail domains, as domain indicators of the pseudo-feed {@code webmail-policy}
     */
    public record Matchers(IndicatorMatcher indicators, IndicatorMatcher webmail, Instant builtAt) {}

    public IntelService(IntelDao dao, FeedHttp http, AuditTrail audit, Clock clock, TransactionTemplate tx) {
        this.dao = dao;
        this.http = http;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
        // the matcher is rebuilt after a commit, when the finished transaction may still be bound: read in a new one
        this.readTx = new TransactionTemplate(tx.getTransactionManager());
        this.readTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readTx.setReadOnly(true);
    }

    /** The matchers built from the stored indicators (built on first use, rebuilt after each change). */
    public Matchers matchers() {
        Matchers m = matchers.get();
        return m != null ? m : rebuild();
    }

    /** Builds the matchers from the database now and swaps them in. */
    public Matchers rebuild() {
        Instant now = clock.instant();
        List<Indicator> active = readTx.execute(s -> dao.activeIndicators());
        List<Indicator> webmail = new ArrayList<>();
        List<String> domains = readTx.execute(s -> dao.webmailDomains());
        for (String d : domains == null ? List.<String>of() : domains) {
            webmail.add(new Indicator(
                    IndicatorType.DOMAIN, d, "webmail-policy", null, null, null, 50, null, List.of("webmail"), false));
        }
        Matchers m = new Matchers(
                IndicatorMatcher.build(active == null ? List.of() : active, now),
                IndicatorMatcher.build(webmail, now),
                now);
        matchers.set(m);
        log.debug(
                "Matcher rebuilt: {} indicators, {} webmail domains",
                active == null ? 0 : active.size(),
                webmail.size());
        return m;
    }

    private void rebuildAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    rebuild();
                }
            });
        } else {
            rebuild();
        }
    }

    // ---- reading

    @Transactional(readOnly = true)
    public List<Feed> feeds() {
        return dao.feeds();
    }

    @Transactional(readOnly = true)
    public Feed feed(long id) {
        return dao.feed(id).orElseThrow(() -> IntelException.notFound("feed " + id));
    }

    @Transactional(readOnly = true)
    public List<StoredIndicator> search(
            @Nullable String q, @Nullable String type, @Nullable Long feedId, boolean revoked, int limit, int offset) {
        if (type != null && !type.isBlank()) {
            try {
                IndicatorType.valueOf(type);
            } catch (IllegalArgumentException e) {
                throw new IntelException(IntelException.Kind.INVALID, "unknown indicator type '" + type + "'");
            }
        }
        return dao.search(q, type, feedId, revoked, Math.max(1, Math.min(limit, 1000)), Math.max(0, offset));
    }

    @Transactional(readOnly = true)
    public StoredIndicator indicator(long id) {
        return dao.indicator(id).orElseThrow(() -> IntelException.notFound("indicator " + id));
    }

    @Transactional(readOnly = true)
    public long count() {
        return dao.countIndicators();
    }

    /** The default warninglists shipped with Khiên followed by the province's own lists. */
    @Transactional(readOnly = true)
    public Warninglists warninglists() {
        Warninglists w = Warninglists.defaults();
        for (Warninglist l : dao.provinceWarninglists()) {
            w = w.with(l);
        }
        return w;
    }

    @Transactional(readOnly = true)
    public List<String> webmailDomains() {
        return dao.webmailDomains();
    }

    // ---- imports

    /**
     * Imports the indicator file at {@code file} (plain list, CSV, STIX 2.1, MISP event or feed manifest,
     * detected by content; a MISP warninglist is stored as a province warninglist) into the file feed
     * {@code feedName}, created if new. All or nothing; re-importing the same file changes nothing.
     */
    @PreAuthorize(WRITERS)
    @Transactional
    public IndicatorImportResult importFile(String feedName, Path file) {
        String name = feedName(feedName);
        IndicatorFile read;
        try {
            read = IndicatorFiles.read(file, name, FeedHttp.MAX_BYTES);
        } catch (IndicatorFormatException e) {
            throw new IntelException(IntelException.Kind.INVALID, "not a valid indicator file: " + e.getMessage());
        } catch (IOException e) {
            throw new IntelException(IntelException.Kind.INVALID, "cannot read the indicator file: " + e.getMessage());
        }
        if (read.warninglist() != null) {
            return saveWarninglist(file, read.warninglist());
        }
        long feedId = dao.feedByName(name).map(Feed::id).orElseGet(() -> dao.insertFeed(name, "FILE", null, null, 360));
        IndicatorImportResult result = store(feedId, name, read.format().name(), read.result(), null, null);
        audit.record("intel.import", "intel_feed", feedId, null, null, summary(result));
        return result;
    }

    /** A MISP warninglist file becomes (or replaces) a province warninglist of the same name. */
    private IndicatorImportResult saveWarninglist(Path file, Warninglist list) {
        List<String> entries = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(file.toFile());
            for (JsonNode e : root.path("list")) {
                if (e.isString() && !e.asString().isBlank()) {
                    entries.add(e.asString().strip());
                }
            }
        } catch (JacksonException e) {
            throw new IntelException(IntelException.Kind.INVALID, "not a valid warninglist: " + e.getOriginalMessage());
        }
        dao.saveWarninglist(list.name(), list.type().name(), entries);
        audit.record(
                "intel.warninglist.save",
                "warninglist",
                list.name(),
                null,
                null,
                Map.of("type", list.type(), "entries", entries.size()));
        return new IndicatorImportResult(
                list.name(),
                "MISP_WARNINGLIST",
                entries.size(),
                entries.size(),
                0,
                0,
                0,
                Map.of(),
                entries.size(),
                0,
                List.of());
    }

    /** Adds or replaces a province warninglist; indicators it names are suppressed from the next import on. */
    @PreAuthorize(WRITERS)
    @Transactional
    public void addWarninglist(String name, Warninglist.Type type, List<String> entries) {
        String n = name.strip();
        if (n.isEmpty() || entries.isEmpty()) {
            throw new IntelException(IntelException.Kind.INVALID, "a warninglist needs a name and entries");
        }
        List<String> clean =
                entries.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        Warninglist.of(n, type, clean);
        dao.saveWarninglist(n, type.name(), clean);
        audit.record(
                "intel.warninglist.save", "warninglist", n, null, null, Map.of("type", type, "entries", clean.size()));
    }

    private IndicatorImportResult store(
            long feedId,
            String feedName,
            String format,
            IndicatorImport imported,
            @Nullable String etag,
            @Nullable Instant addedAfter) {
        Warninglists lists = warninglists();
        List<Indicator> kept = new ArrayList<>(imported.indicators().size());
        Map<String, Long> suppressedBy = new LinkedHashMap<>();
        for (Indicator i : imported.indicators()) {
            Optional<Warninglist> hit = lists.match(i);
            if (hit.isPresent()) {
                suppressedBy.merge(hit.get().name(), 1L, Long::sum);
            } else {
                kept.add(i);
            }
        }
        long suppressed = imported.indicators().size() - kept.size();
        Instant now = clock.instant();
        IntelDao.Upserted up = dao.upsert(feedId, kept, now);
        ImportReport r = imported.report();
        List<String> rejections = rejections(r);
        String status = "imported " + format + ": " + up.inserted() + " new, " + up.updated() + " updated, "
                + suppressed + " suppressed by warninglists";
        dao.recordImport(
                feedId,
                now,
                status,
                format,
                r.read(),
                r.accepted(),
                r.rejected(),
                r.duplicates(),
                suppressed,
                rejections.subList(0, Math.min(100, rejections.size())),
                etag,
                addedAfter);
        rebuildAfterCommit();
        return new IndicatorImportResult(
                feedName,
                format,
                r.read(),
                r.accepted(),
                r.rejected(),
                r.duplicates(),
                suppressed,
                suppressedBy,
                up.inserted(),
                up.updated(),
                rejections);
    }

    static List<String> rejections(ImportReport r) {
        List<String> out = new ArrayList<>();
        for (Rejection x : r.rejections()) {
            String where = x.line() > 0 ? "line " + x.line() : x.element();
            out.add(where + ": " + x.reason());
        }
        return out;
    }

    private static Map<String, Object> summary(IndicatorImportResult r) {
        return Map.of(
                "feed",
                r.feed(),
                "format",
                r.format(),
                "read",
                r.read(),
                "accepted",
                r.accepted(),
                "rejected",
                r.rejected(),
                "suppressed",
                r.suppressed(),
                "inserted",
                r.inserted(),
                "updated",
                r.updated());
    }

    private static String feedName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new IntelException(IntelException.Kind.INVALID, "a feed needs a name of 1–200 characters");
        }
        return n;
    }

    // ---- feeds pulled from the network

    /** Registers a feed pulled from {@code url} (kind URL) or a TAXII 2.1 collection (kind TAXII). */
    @PreAuthorize(WRITERS)
    @Transactional
    public Feed addFeed(String name, String kind, String url, @Nullable String collection, int intervalMinutes) {
        String n = feedName(name);
        String k = kind.strip().toUpperCase(Locale.ROOT);
        if (!k.equals("URL") && !k.equals("TAXII")) {
            throw new IntelException(IntelException.Kind.INVALID, "a pulled feed is URL or TAXII, not '" + kind + "'");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IntelException(IntelException.Kind.INVALID, "not a URL: '" + url + "'");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?")) {
            throw new IntelException(IntelException.Kind.INVALID, "feeds are pulled over http or https: '" + url + "'");
        }
        if (k.equals("TAXII") && (collection == null || collection.isBlank())) {
            throw new IntelException(IntelException.Kind.INVALID, "a TAXII feed needs a collection id");
        }
        if (dao.feedByName(n).isPresent()) {
            throw new IntelException(IntelException.Kind.CONFLICT, "feed '" + n + "' already exists");
        }
        long id = dao.insertFeed(n, k, uri.toString(), collection, Math.max(5, intervalMinutes));
        Feed f = feed(id);
        audit.record("intel.feed.add", "intel_feed", id, null, null, f);
        return f;
    }

    @PreAuthorize(WRITERS)
    @Transactional
    public void deleteFeed(long id) {
        Feed f = feed(id);
        dao.deleteFeed(id);
        audit.record("intel.feed.delete", "intel_feed", id, null, f, null);
        rebuildAfterCommit();
    }

    /**
     * Pulls one URL or TAXII feed now: fetches outside any transaction (retrying a retryable failure up to three
     * times), then imports what came in one transaction. Returns what it did, in words.
     */
    @PreAuthorize(WRITERS)
    public String pull(long id) {
        return pullFeed(id);
    }

    /** {@link #pull} for the scheduler (no caller to authorise). */
    public String pullFeed(long id) {
        Feed f = tx.execute(s -> feed(id));
        if (f == null || f.url() == null) {
            throw new IntelException(IntelException.Kind.INVALID, "feed " + id + " is not pulled from a URL");
        }
        String status;
        IOException last = null;
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                status = "TAXII".equals(f.kind()) ? pullTaxii(f) : pullUrl(f);
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = "interrupted";
                break;
            } catch (FeedHttp.FetchFailed e) {
                last = e;
                if (!e.retryable() || attempt >= MAX_ATTEMPTS) {
                    status = (e.retryable() ? "gave up after " + attempt + " attempts: " : "refused, not retried: ")
                            + e.getMessage();
                    break;
                }
            } catch (TaxiiException e) {
                last = e;
                if (!e.retryable() || attempt >= MAX_ATTEMPTS) {
                    status = (e.retryable() ? "gave up after " + attempt + " attempts: " : "refused, not retried: ")
                            + e.getMessage();
                    break;
                }
            } catch (IOException e) {
                last = e;
                if (attempt >= MAX_ATTEMPTS) {
                    status = "gave up after " + attempt + " attempts: " + e.getMessage();
                    break;
                }
            } catch (IntelException e) {
                status = "refused: " + e.getMessage();
                break;
            }
            try {
                Thread.sleep(1000L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = "interrupted";
                break;
            }
        }
        if (last != null) {
            log.warn("Feed '{}': {}", f.name(), status);
        }
        String s = status;
        if (!s.startsWith("imported")) {
            tx.executeWithoutResult(t -> dao.recordStatus(f.id(), clock.instant(), s));
        }
        return s;
    }

    private String pullUrl(Feed f) throws IOException, InterruptedException {
        String etag = tx.execute(s -> dao.etag(f.id()));
        FeedHttp.Fetched got = http.fetch(URI.create(f.url()), etag);
        if (got.notModified() || got.body() == null) {
            return "not modified (ETag " + etag + ")";
        }
        try {
            IndicatorFile read;
            try {
                read = IndicatorFiles.read(got.body(), f.name(), FeedHttp.MAX_BYTES);
            } catch (IndicatorFormatException e) {
                throw new IntelException(IntelException.Kind.INVALID, "not a valid indicator file: " + e.getMessage());
            }
            IndicatorFile r = read;
            IndicatorImportResult result =
                    tx.execute(s -> store(f.id(), f.name(), r.format().name(), r.result(), got.etag(), null));
            return result == null
                    ? "imported"
                    : "imported " + result.inserted() + " new, " + result.updated() + " updated";
        } finally {
            Files.deleteIfExists(got.body());
        }
    }

    private String pullTaxii(Feed f) throws IOException, InterruptedException {
        Instant after = tx.execute(s -> dao.addedAfter(f.id()));
        TaxiiClient client = new TaxiiClient(http.taxii(null));
        TaxiiClient.Pull pull = client.pullIndicators(URI.create(f.url()), f.collection(), after, f.name(), 1000, 100);
        IndicatorImportResult result =
                tx.execute(s -> store(f.id(), f.name(), "TAXII", pull.result(), null, pull.dateAddedLast()));
        return "imported " + pull.pages() + " pages" + (pull.complete() ? "" : " (more left)") + ": "
                + (result == null ? "" : result.inserted() + " new, " + result.updated() + " updated");
    }

    /** Feeds whose interval has passed; the scheduler pulls them. */
    @Transactional(readOnly = true)
    public List<Feed> dueFeeds() {
        return dao.dueFeeds(clock.instant());
    }

    // ---- revocation and the webmail list

    /** Revokes (or restores) one indicator: it stops matching as soon as the change commits. */
    @PreAuthorize(WRITERS)
    @Transactional
    public StoredIndicator revoke(long id, boolean revoked) {
        StoredIndicator before = indicator(id);
        dao.revoke(id, revoked);
        StoredIndicator after = indicator(id);
        audit.record(
                revoked ? "intel.indicator.revoke" : "intel.indicator.restore", "indicator", id, null, before, after);
        rebuildAfterCommit();
        return after;
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public void addWebmailDomain(String domain) {
        String d = Domains.normalize(domain);
        if (d == null) {
            throw new IntelException(IntelException.Kind.INVALID, "not a domain name: '" + domain + "'");
        }
        if (dao.addWebmailDomain(d)) {
            audit.record("intel.webmail.add", "webmail_domain", d, null, null, Map.of("domain", d));
        }
        rebuildAfterCommit();
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public void removeWebmailDomain(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (dao.removeWebmailDomain(d)) {
            audit.record("intel.webmail.remove", "webmail_domain", d, null, Map.of("domain", d), null);
        }
        rebuildAfterCommit();
    }
}
