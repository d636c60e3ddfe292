package vn.khien.app.intel.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.khien.core.intel.feeds.TaxiiResponse;
import vn.khien.core.intel.feeds.TaxiiTransport;

/**
 * Fetches feeds over HTTP with {@code java.net.http}: a timeout, a size limit, conditional requests by ETag, and
 * each failure classified as retryable (no answer, 429, 5xx) or fatal (other 4xx, over the size limit).
 */
@Component
public class FeedHttp {
    /** Largest feed body accepted. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    /** The outcome of one fetch: the body in a temporary file (caller deletes it), or not modified. */
    public record Fetched(
            int status, @Nullable Path body, @Nullable String etag) {
        public boolean notModified() {
            return status == 304;
        }
    }

    /** A failed fetch and whether trying again later may help. */
    public static final class FetchFailed extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean retryable;

        public FetchFailed(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    /** GETs {@code uri}, sending {@code If-None-Match} when {@code etag} is set. */
    public Fetched fetch(URI uri, @Nullable String etag) throws IOException, InterruptedException {
        checkScheme(uri);
        HttpRequest.Builder req = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("User-Agent", "Khien-feed/1")
                .GET();
        if (etag != null && !etag.isBlank()) {
            req.header("If-None-Match", etag);
        }
        HttpResponse<InputStream> r;
        try {
            r = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FetchFailed(
                    "no answer from " + uri.getHost() + ": " + e.getClass().getSimpleName(), true);
        }
        int status = r.statusCode();
        try (InputStream in = r.body()) {
            if (status == 304) {
                return new Fetched(304, null, etag);
            }
            if (status == 429 || status >= 500) {
                throw new FetchFailed("HTTP " + status + " from " + uri.getHost(), true);
            }
            if (status != 200) {
                throw new FetchFailed("HTTP " + status + " from " + uri.getHost(), false);
            }
            long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > MAX_BYTES) {
                throw new FetchFailed("feed of " + declared + " bytes is over the limit of " + MAX_BYTES, false);
            }
            Path tmp = Files.createTempFile("khien-feed", ".bin");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                copyLimited(in, out, MAX_BYTES);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            return new Fetched(status, tmp, r.headers().firstValue("ETag").orElse(null));
        }
    }

    /** A TAXII transport over the same client, with the same timeout and size limit. */
    public TaxiiTransport taxii(@Nullable String authorization) {
        return (uri, headers) -> {
            checkScheme(uri);
            HttpRequest.Builder req =
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
            headers.forEach(req::header);
            if (authorization != null && !authorization.isBlank()) {
                req.header("Authorization", authorization);
            }
            HttpResponse<InputStream> r = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = r.body()) {
                var buf = new java.io.ByteArrayOutputStream();
                copyLimited(in, buf, MAX_BYTES);
                body = buf.toByteArray();
            }
            Map<String, String> out = new HashMap<>();
            r.headers().map().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    out.put(k.toLowerCase(Locale.ROOT), v.get(0));
                }
            });
            return new TaxiiResponse(r.statusCode(), out, body);
        };
    }

    private static void checkScheme(URI uri) throws FetchFailed {
        String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("http", "https").contains(s)) {
            throw new FetchFailed("only http and https feeds are pulled, not '" + uri + "'", false);
        }
    }

    static void copyLimited(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > max) {
                throw new FetchFailed("feed is over the limit of " + max + " bytes", false);
            }
            out.write(buf, 0, n);
        }
    }
}
