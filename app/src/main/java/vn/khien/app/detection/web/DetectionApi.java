package vn.khien.app.detection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.app.detection.Alert;
import vn.khien.app.detection.DetectionException;
import vn.khien.app.detection.DetectionService;
import vn.khien.app.detection.Evidence;
import vn.khien.app.detection.IngestResult;
import vn.khien.app.detection.LogSource;
import vn.khien.app.detection.internal.LimitedInputStream;
import vn.khien.app.detection.internal.NdjsonLines;
import vn.khien.app.platform.UnitScope;

/** REST API of detection: HTTP bulk log ingestion, alerts within the caller's scope, log source counters. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Detection", description = "Log ingestion, alerts (cảnh báo), log sources")
class DetectionApi {
    /** Largest decoded body of one bulk request. */
    static final long MAX_BULK_BYTES = 2L * 1024 * 1024 * 1024;

    private final DetectionService detection;

    DetectionApi(DetectionService detection) {
        this.detection = detection;
    }

    @PostMapping("/logs")
    @Operation(
            summary = "Ingest log lines (raw lines, or NDJSON with a message field), streamed; gzip accepted",
            description = "format: auto or one of bind, dnsmasq, unbound, windows-dns, zeek-dns, zeek-conn, "
                    + "zeek-http, suricata, squid, iptables, cef. Malformed lines are counted with line numbers.")
    IngestResult ingest(
            UnitScope scope,
            @RequestParam(defaultValue = "auto") String format,
            @RequestParam(defaultValue = "http") String source,
            HttpServletRequest request)
            throws IOException {
        String contentType =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            // the servlet container reads such a body as form fields before it reaches us
            throw new DetectionException(
                    DetectionException.Kind.INVALID,
                    "send the log as text/plain or application/x-ndjson (curl: -H 'Content-Type: text/plain' --data-binary @file)");
        }
        InputStream in = request.getInputStream();
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
            if (!encoding.toLowerCase(Locale.ROOT).contains("gzip")) {
                throw new DetectionException(
                        DetectionException.Kind.INVALID, "unsupported Content-Encoding " + encoding);
            }
            in = new GZIPInputStream(in, 1 << 16);
        }
        in = new LimitedInputStream(in, MAX_BULK_BYTES, n -> {});
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean jsonFormat = format.toLowerCase(Locale.ROOT).startsWith("suricata")
                || format.toLowerCase(Locale.ROOT).startsWith("zeek");
        if ((type.contains("ndjson") || type.contains("jsonlines") || type.contains("json-seq")) && !jsonFormat) {
            in = new NdjsonLines(in);
        }
        try (InputStream body = in) {
            return detection.ingest(scope, source, "HTTP", format, body);
        }
    }

    @GetMapping("/alerts")
    List<Alert> alerts(
            UnitScope scope,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String rule,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return detection.alerts(scope, unit, severity, status, rule, limit, offset);
    }

    @GetMapping("/alerts/{id}")
    Alert alert(UnitScope scope, @PathVariable long id) {
        return detection.alert(scope, id);
    }

    @GetMapping("/alerts/{id}/evidence")
    List<Evidence> evidence(UnitScope scope, @PathVariable long id) {
        return detection.evidence(scope, id);
    }

    @PostMapping("/alerts/{id}/status")
    Alert status(UnitScope scope, @PathVariable long id, @RequestParam String status) {
        return detection.setStatus(scope, id, status);
    }

    @GetMapping("/log-sources")
    List<LogSource> sources(UnitScope scope) {
        return detection.sources(scope);
    }
}
