package vn.khien.core.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.core.intel.Indicator;

class TaxiiClientTests {
    /** An in-memory TAXII server: answers by path and query, records requests. */
    static final class FakeServer implements TaxiiTransport {
        final Map<String, TaxiiResponse> answers = new HashMap<>();
        final List<URI> requests = new ArrayList<>();

        void json(String pathAndQuery, String body, Map<String, String> headers) {
            answers.put(pathAndQuery, new TaxiiResponse(200, headers, body.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public TaxiiResponse get(URI uri, Map<String, String> headers) {
            requests.add(uri);
            assertThat(headers).containsEntry("Accept", "application/taxii+json;version=2.1");
            String key = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return answers.getOrDefault(key, new TaxiiResponse(404, Map.of(), new byte[0]));
        }
    }

    private static final String INDICATOR = "{\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": "
            + "\"indicator--%s\", \"pattern\": \"[ipv4-addr:value = '%s']\", \"pattern_type\": \"stix\", "
            + "\"valid_from\": \"2025-01-01T00:00:00Z\"}";

    @Test
    void discoversRootsListsCollectionsAndPagesThroughObjects() throws Exception {
        FakeServer server = new FakeServer();
        server.json(
                "/taxii2/",
                "{\"title\": \"CERT\", \"default\": \"https://cti.example/api1/\", "
                        + "\"api_roots\": [\"https://cti.example/api1/\", \"/api2/\"]}",
                Map.of());
        server.json(
                "/api1/",
                "{\"title\": \"Main\", \"versions\": [\"application/taxii+json;version=2.1\"], "
                        + "\"max_content_length\": 10485760}",
                Map.of());
        server.json(
                "/api1/collections/",
                "{\"collections\": [{\"id\": \"c-1\", \"title\": \"C2\", "
                        + "\"can_read\": true, \"can_write\": false}]}",
                Map.of());
        server.json(
                "/api1/collections/c-1/objects/?limit=2&added_after=2025-01-01T00%3A00%3A00Z",
                "{\"more\": true, \"next\": \"p2\", \"objects\": [" + INDICATOR.formatted("1", "203.0.113.1") + ","
                        + INDICATOR.formatted("2", "203.0.113.2") + "]}",
                Map.of("X-TAXII-Date-Added-Last", "2025-02-01T00:00:00.000Z"));
        server.json(
                "/api1/collections/c-1/objects/?limit=2&added_after=2025-01-01T00%3A00%3A00Z&next=p2",
                "{\"more\": false, \"objects\": [" + INDICATOR.formatted("3", "203.0.113.3") + "]}",
                Map.of("x-taxii-date-added-last", "2025-02-02T00:00:00.000Z"));
        TaxiiClient client = new TaxiiClient(server);

        TaxiiClient.Discovery d = client.discover(URI.create("https://cti.example/taxii2/"));
        TaxiiClient.ApiRoot root = client.apiRoot(d.defaultApiRoot());
        List<TaxiiClient.Collection> collections = client.collections(d.defaultApiRoot());
        TaxiiClient.Pull pull =
                client.pullIndicators(d.defaultApiRoot(), "c-1", Instant.parse("2025-01-01T00:00:00Z"), "taxii", 2, 10);

        assertThat(d.apiRoots())
                .containsExactly(URI.create("https://cti.example/api1/"), URI.create("https://cti.example/api2/"));
        assertThat(root.maxContentLength()).isEqualTo(10485760);
        assertThat(collections).containsExactly(new TaxiiClient.Collection("c-1", "C2", true, false));
        assertThat(pull.pages()).isEqualTo(2);
        assertThat(pull.complete()).isTrue();
        assertThat(pull.dateAddedLast()).isEqualTo(Instant.parse("2025-02-02T00:00:00Z"));
        assertThat(pull.result().indicators())
                .extracting(Indicator::value)
                .containsExactly("203.0.113.1", "203.0.113.2", "203.0.113.3");
    }

    @Test
    void stopsAtPageLimitAndSaysSo() throws Exception {
        FakeServer server = new FakeServer();
        server.json(
                "/api1/collections/c-1/objects/?limit=1",
                "{\"more\": true, \"next\": \"n\", \"objects\": []}",
                Map.of());

        TaxiiClient.Pull pull =
                new TaxiiClient(server).pullIndicators(URI.create("https://cti.example/api1"), "c-1", null, "t", 1, 1);

        assertThat(pull.complete()).isFalse();
        assertThat(pull.pages()).isEqualTo(1);
    }

    @Test
    void classifiesServerErrorsAsRetryableAndAuthErrorsAsFatal() {
        TaxiiClient unavailable = new TaxiiClient((u, h) -> new TaxiiResponse(503, Map.of(), new byte[0]));
        TaxiiClient forbidden = new TaxiiClient((u, h) -> new TaxiiResponse(403, Map.of(), new byte[0]));

        assertThatThrownBy(() -> unavailable.discover(URI.create("https://x/taxii2/")))
                .isInstanceOfSatisfying(
                        TaxiiException.class, e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> forbidden.discover(URI.create("https://x/taxii2/")))
                .isInstanceOfSatisfying(
                        TaxiiException.class, e -> assertThat(e.retryable()).isFalse());
    }
}
