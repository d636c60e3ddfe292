package vn.khien.core.intel.feeds;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A TAXII 2.1 client for reading indicators: server discovery, API root information, the collection list,
 * and the objects of a collection with {@code added_after} and {@code next}/{@code more} pagination, the
 * objects read by {@link StixBundleReader}'s rules.
 *
 * <p>Implementation notes: every request carries {@code Accept: application/taxii+json;version=2.1}; relative
 * URLs in discovery answers are resolved against the discovery URL; paging stops when the server says
 * {@code more: false}, gives no {@code next}, or {@code maxPages} is reached (the pull then says it is
 * incomplete so the caller resumes from {@link Pull#dateAddedLast()}). Relationship names ("indicates
 * malware X") are resolved within each page. Stateless apart from the transport; thread-safe if it is.
 */
public final class TaxiiClient {
    static final String MEDIA_TYPE = "application/taxii+json;version=2.1";

    private final TaxiiTransport http;

    public TaxiiClient(TaxiiTransport http) {
        this.http = http;
    }

    /** A server's discovery answer. */
    public record Discovery(String title, @Nullable URI defaultApiRoot, List<URI> apiRoots) {}

    /** An API root's description. */
    public record ApiRoot(String title, List<String> versions, long maxContentLength) {}

    /** A collection as the server lists it. */
    public record Collection(String id, String title, boolean canRead, boolean canWrite) {}

    /**
     * The outcome of pulling a collection.
     *
     * @param result indicators of every page together, with one report
     * @param pages pages fetched
     * @param complete whether the server said there was nothing more
     * @param dateAddedLast the server's {@code X-TAXII-Date-Added-Last} of the last page, to pass as
     *     {@code added_after} next time; {@code null} when the server sent none
     */
    public record Pull(
            IndicatorImport result,
            int pages,
            boolean complete,
            @Nullable Instant dateAddedLast) {}

    public Discovery discover(URI discoveryUrl) throws IOException, InterruptedException {
        JsonNode d = get(discoveryUrl);
        List<URI> roots = new ArrayList<>();
        for (JsonNode r : d.path("api_roots").values()) {
            String s = Json.text(r);
            if (s != null) {
                roots.add(discoveryUrl.resolve(s));
            }
        }
        String def = Json.text(d.get("default"));
        return new Discovery(
                String.valueOf(Json.text(d.get("title"))),
                def == null ? null : discoveryUrl.resolve(def),
                List.copyOf(roots));
    }

    public ApiRoot apiRoot(URI apiRoot) throws IOException, InterruptedException {
        JsonNode r = get(slash(apiRoot));
        List<String> versions = new ArrayList<>();
        r.path("versions").values().forEach(v -> versions.add(String.valueOf(Json.text(v))));
        long max = r.path("max_content_length").canConvertToLong()
                ? r.path("max_content_length").asLong()
                : 0;
        return new ApiRoot(String.valueOf(Json.text(r.get("title"))), List.copyOf(versions), max);
    }

    public List<Collection> collections(URI apiRoot) throws IOException, InterruptedException {
        JsonNode r = get(slash(apiRoot).resolve("collections/"));
        List<Collection> out = new ArrayList<>();
        for (JsonNode c : r.path("collections").values()) {
            String id = Json.text(c.get("id"));
            if (id != null) {
                out.add(new Collection(
                        id,
                        String.valueOf(Json.text(c.get("title"))),
                        Json.bool(c.get("can_read"), false),
                        Json.bool(c.get("can_write"), false)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Pulls the objects of collection {@code collectionId} added after {@code addedAfter} (all when
     * {@code null}), {@code pageSize} per request, at most {@code maxPages} requests.
     */
    public Pull pullIndicators(
            URI apiRoot, String collectionId, @Nullable Instant addedAfter, String source, int pageSize, int maxPages)
            throws IOException, InterruptedException {
        URI objects = slash(apiRoot).resolve("collections/" + encode(collectionId) + "/objects/");
        IndicatorCollector c = new IndicatorCollector(source);
        String next = null;
        Instant last = null;
        int pages = 0;
        boolean more = true;
        while (more && pages < maxPages) {
            StringBuilder q = new StringBuilder("?limit=").append(pageSize);
            if (addedAfter != null) {
                q.append("&added_after=").append(encode(DateTimeFormatter.ISO_INSTANT.format(addedAfter)));
            }
            if (next != null) {
                q.append("&next=").append(encode(next));
            }
            TaxiiResponse response = fetch(URI.create(objects + q.toString()));
            JsonNode envelope = parse(response, objects);
            pages++;
            String lastHeader = response.header("X-TAXII-Date-Added-Last");
            Instant added = lastHeader == null ? null : CsvIndicatorReader.instant(lastHeader);
            if (added != null) {
                last = added;
            }
            JsonNode list = envelope.path("objects");
            if (list.isArray()) {
                StixBundleReader.readObjects(list, "/pages/" + pages + "/objects", c);
            }
            next = Json.text(envelope.get("next"));
            more = Json.bool(envelope.get("more"), false) && next != null;
        }
        return new Pull(c.result(), pages, !more, last);
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        return parse(fetch(uri), uri);
    }

    private TaxiiResponse fetch(URI uri) throws IOException, InterruptedException {
        TaxiiResponse r = http.get(uri, Map.of("Accept", MEDIA_TYPE));
        if (r.status() < 200 || r.status() > 299) {
            throw new TaxiiException(r.status(), "TAXII server answered " + r.status() + " for " + uri);
        }
        return r;
    }

    private static JsonNode parse(TaxiiResponse r, URI uri) throws TaxiiException {
        try {
            JsonNode node = Json.parse(r.body(), "TAXII 2.1 response");
            if (!node.isObject()) {
                throw new TaxiiException(0, "TAXII response from " + uri + " is not a JSON object");
            }
            return node;
        } catch (IndicatorFormatException e) {
            throw new TaxiiException(0, e.getMessage() + " from " + uri);
        }
    }

    private static URI slash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
