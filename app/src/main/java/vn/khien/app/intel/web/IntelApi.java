package vn.khien.app.intel.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.app.intel.Feed;
import vn.khien.app.intel.IndicatorImportResult;
import vn.khien.app.intel.IntelException;
import vn.khien.app.intel.IntelService;
import vn.khien.app.intel.StoredIndicator;
import vn.khien.app.intel.internal.FeedHttp;
import vn.khien.app.platform.UnitScope;

/** REST API of threat intelligence: indicators, feeds and imports. Intelligence is shared province-wide. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Threat intelligence", description = "Indicators of compromise, feeds, imports")
class IntelApi {
    private final IntelService intel;

    IntelApi(IntelService intel) {
        this.intel = intel;
    }

    @GetMapping("/indicators")
    @Operation(summary = "Search indicators by value or tag, type and feed")
    List<StoredIndicator> indicators(
            UnitScope scope,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable Long feed,
            @RequestParam(defaultValue = "false") boolean revoked,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return intel.search(q, type, feed, revoked, limit, offset);
    }

    @GetMapping("/indicators/{id}")
    StoredIndicator indicator(UnitScope scope, @PathVariable long id) {
        return intel.indicator(id);
    }

    @PostMapping("/indicators/{id}/revoke")
    StoredIndicator revoke(UnitScope scope, @PathVariable long id) {
        return intel.revoke(id, true);
    }

    @PostMapping("/indicators/{id}/restore")
    StoredIndicator restore(UnitScope scope, @PathVariable long id) {
        return intel.revoke(id, false);
    }

    @PostMapping(value = "/indicators/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an indicator file (plain, CSV, STIX 2.1, MISP; detected by content)")
    IndicatorImportResult importFile(UnitScope scope, @RequestParam String feed, @RequestParam MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return importStream(feed, in);
        }
    }

    @PostMapping(value = "/indicators/import")
    @Operation(summary = "Import an indicator file sent as the raw request body; the report lists each rejection")
    IndicatorImportResult importBody(
            UnitScope scope, @RequestParam String feed, HttpServletRequest request, InputStream body)
            throws IOException {
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            // the servlet container reads such a body as form fields before it reaches us
            throw new IntelException(
                    IntelException.Kind.INVALID,
                    "send the file as text/plain or application/json (curl: -H 'Content-Type: text/plain' --data-binary @file)");
        }
        return importStream(feed, body);
    }

    private IndicatorImportResult importStream(String feed, InputStream in) throws IOException {
        Path tmp = Files.createTempFile("khien-indicators", ".bin");
        try {
            try (var out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[1 << 16];
                long total = 0;
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    if (total > FeedHttp.MAX_BYTES) {
                        throw new IntelException(IntelException.Kind.INVALID, "indicator file over the size limit");
                    }
                    out.write(buf, 0, n);
                }
            }
            return intel.importFile(feed, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @GetMapping("/feeds")
    List<Feed> feeds(UnitScope scope) {
        return intel.feeds();
    }

    @GetMapping("/feeds/{id}")
    Feed feed(UnitScope scope, @PathVariable long id) {
        return intel.feed(id);
    }

    /** Body of a new pulled feed. */
    record FeedBody(
            String name,
            String kind,
            String url,
            @Nullable String collection,
            @Nullable Integer intervalMinutes) {}

    @PostMapping("/feeds")
    ResponseEntity<Feed> addFeed(UnitScope scope, @RequestBody FeedBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(intel.addFeed(
                        body.name(),
                        body.kind(),
                        body.url(),
                        body.collection(),
                        body.intervalMinutes() == null ? 360 : body.intervalMinutes()));
    }

    /** Result of pulling a feed now. */
    record PullResult(String status, Feed feed) {}

    @PostMapping("/feeds/{id}/pull")
    PullResult pull(UnitScope scope, @PathVariable long id) {
        String status = intel.pull(id);
        return new PullResult(status, intel.feed(id));
    }

    @DeleteMapping("/feeds/{id}")
    ResponseEntity<Void> deleteFeed(UnitScope scope, @PathVariable long id) {
        intel.deleteFeed(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/webmail-domains")
    List<String> webmail(UnitScope scope) {
        return intel.webmailDomains();
    }

    @PostMapping("/webmail-domains")
    ResponseEntity<List<String>> addWebmail(UnitScope scope, @RequestParam String domain) {
        intel.addWebmailDomain(domain);
        return ResponseEntity.status(HttpStatus.CREATED).body(intel.webmailDomains());
    }

    @DeleteMapping("/webmail-domains/{domain}")
    List<String> removeWebmail(UnitScope scope, @PathVariable String domain) {
        intel.removeWebmailDomain(domain);
        return intel.webmailDomains();
    }
}
