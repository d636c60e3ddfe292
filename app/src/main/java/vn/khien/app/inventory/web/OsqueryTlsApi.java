package vn.khien.app.inventory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.app.inventory.OsqueryService;
import vn.khien.core.inventory.OsqueryTls;

/**
 * osquery's TLS remote API ({@code --tls_hostname=… --enroll_tls_endpoint=/api/v1/osquery/enroll} and so on). Agents
 * authenticate by enroll secret and then node key, not by login; see docs/osquery-deployment.md.
 */
@RestController
@RequestMapping(value = "/api/v1/osquery", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "osquery", description = "osquery TLS remote API: enroll, config, log, distributed read/write")
class OsqueryTlsApi {
    private final OsqueryService osquery;

    OsqueryTlsApi(OsqueryService osquery) {
        this.osquery = osquery;
    }

    @PostMapping("/enroll")
    @Operation(summary = "Enroll an agent with its unit's enroll secret; answers a node key")
    String enroll(HttpServletRequest request) throws IOException {
        return osquery.enroll(body(request));
    }

    @PostMapping("/config")
    String config(HttpServletRequest request) throws IOException {
        return osquery.config(body(request));
    }

    @PostMapping("/log")
    String log(HttpServletRequest request) throws IOException {
        return osquery.log(body(request));
    }

    @PostMapping("/distributed/read")
    String distributedRead(HttpServletRequest request) throws IOException {
        return osquery.distributedRead(body(request));
    }

    @PostMapping("/distributed/write")
    String distributedWrite(HttpServletRequest request) throws IOException {
        return osquery.distributedWrite(body(request));
    }

    /** The body, refused when larger than osquery's protocol allows (read no further than the limit). */
    private static byte[] body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] b = in.readNBytes(OsqueryTls.MAX_REQUEST_BYTES + 1);
            if (b.length > OsqueryTls.MAX_REQUEST_BYTES) {
                throw new OsqueryTls.ProtocolException(
                        "request larger than " + OsqueryTls.MAX_REQUEST_BYTES + " bytes");
            }
            return b;
        }
    }
}
