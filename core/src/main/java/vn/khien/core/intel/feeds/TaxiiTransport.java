package vn.khien.core.intel.feeds;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The one HTTP operation {@link TaxiiClient} needs, so that core stays free of HTTP libraries: the app
 * implements it with {@code java.net.http} (adding authentication, proxies, timeouts and size limits), tests
 * with an in-memory fake.
 */
@FunctionalInterface
public interface TaxiiTransport {
    /**
     * Performs {@code GET uri} with the given request headers and returns the response whatever its status;
     * throws only when no response was received.
     */
    TaxiiResponse get(URI uri, Map<String, String> headers) throws IOException, InterruptedException;
}
