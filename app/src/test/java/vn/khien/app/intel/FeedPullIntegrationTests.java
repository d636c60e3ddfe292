package vn.khien.app.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.app.support.Fixtures;
import vn.khien.app.support.KhienIntegrationTest;

/** Feeds pulled over HTTP from a local server: ETag, refusals not retried, a TAXII 2.1 collection. */
@KhienIntegrationTest
class FeedPullIntegrationTests {
    static final String LIST = "# test feed\nbad-one.test\n198.51.100.77\n";
    static final String ENVELOPE = """
            {"more": false, "objects": [
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--00000000-0000-4000-8000-000000000001",
               "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z",
               "pattern": "[domain-name:value = 'taxii-c2.test']", "pattern_type": "stix",
               "valid_from": "2026-01-01T00:00:00Z", "confidence": 80, "labels": ["c2"]}
            ]}
            """;

    @Autowired
    IntelService intel;

    @Autowired
    Fixtures fixtures;

    HttpServer server;
    final AtomicInteger listGets = new AtomicInteger();
    final AtomicInteger missingGets = new AtomicInteger();
    String base;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/list.txt", x -> {
            listGets.incrementAndGet();
            if ("\"v1\"".equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                x.sendResponseHeaders(304, -1);
            } else {
                byte[] b = LIST.getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("ETag", "\"v1\"");
                x.sendResponseHeaders(200, b.length);
                x.getResponseBody().write(b);
            }
            x.close();
        });
        server.createContext("/missing.txt", x -> {
            missingGets.incrementAndGet();
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        server.createContext("/taxii/api1/collections/c1/objects/", x -> {
            byte[] b = ENVELOPE.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/taxii+json;version=2.1");
            x.getResponseHeaders().add("X-TAXII-Date-Added-Last", "2026-01-02T00:00:00Z");
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void pullsAUrlFeedThenSendsItsEtag() {
        Feed f = Fixtures.asAdmin(() -> intel.addFeed("url-feed", "URL", base + "/list.txt", null, 60));
        String first = Fixtures.asAdmin(() -> intel.pull(f.id()));
        assertThat(first).startsWith("imported 2 new");
        assertThat(intel.count()).isEqualTo(2);
        assertThat(intel.matchers().indicators().matchDomain("x.bad-one.test")).isNotNegative();
        String second = Fixtures.asAdmin(() -> intel.pull(f.id()));
        assertThat(second).startsWith("not modified");
        assertThat(listGets).hasValue(2);
        assertThat(intel.feed(f.id()).lastStatus()).startsWith("not modified");
    }

    @Test
    void refusalIsNotRetried() {
        Feed f = Fixtures.asAdmin(() -> intel.addFeed("gone", "URL", base + "/missing.txt", null, 60));
        String status = Fixtures.asAdmin(() -> intel.pull(f.id()));
        assertThat(status).startsWith("refused, not retried: HTTP 404");
        assertThat(missingGets).hasValue(1);
        assertThat(intel.feed(f.id()).lastStatus()).isEqualTo(status);
    }

    @Test
    void pullsATaxiiCollection() {
        Feed f = Fixtures.asAdmin(() -> intel.addFeed("taxii", "TAXII", base + "/taxii/api1/", "c1", 60));
        String status = Fixtures.asAdmin(() -> intel.pull(f.id()));
        assertThat(status).contains("imported 1 pages").contains("1 new");
        assertThat(intel.search("taxii-c2", null, null, false, 10, 0))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.confidence()).isEqualTo(80);
                    assertThat(i.tags()).contains("c2");
                });
    }
}
