package vn.khien.app.inventory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.app.inventory.Classification;
import vn.khien.app.inventory.Endpoint;
import vn.khien.app.inventory.EndpointFilter;
import vn.khien.app.inventory.EndpointSnapshot;
import vn.khien.app.inventory.EnrollSecret;
import vn.khien.app.inventory.ImportResult;
import vn.khien.app.inventory.InventoryService;
import vn.khien.app.inventory.OsqueryService;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.inventory.AvConsoleProfile;
import vn.khien.core.inventory.EndpointReports;
import vn.khien.core.inventory.Zone;

/** REST API of the inventory: endpoints within the caller's scope, endpoint reports, imports, enroll secrets. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Inventory", description = "Endpoints (máy trạm), their facts, imports and endpoint reports")
class InventoryApi {
    private final InventoryService inventory;
    private final OsqueryService osquery;

    InventoryApi(InventoryService inventory, OsqueryService osquery) {
        this.inventory = inventory;
        this.osquery = osquery;
    }

    @GetMapping("/endpoints")
    List<Endpoint> endpoints(
            UnitScope scope,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(defaultValue = "500") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return inventory.list(scope, new EndpointFilter(unit, q, zone), limit, offset);
    }

    @GetMapping("/endpoints/{id}")
    @Operation(summary = "One endpoint with every fact and the source (input, time) of each")
    EndpointSnapshot endpoint(UnitScope scope, @PathVariable long id) {
        return inventory.snapshot(scope, id);
    }

    @PostMapping(value = "/endpoints/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Submit one endpoint report (docs/api/endpoint-report.schema.json); problems are listed with"
                    + " their JSON pointers")
    ResponseEntity<ImportResult> report(UnitScope scope, InputStream body) throws IOException {
        byte[] b = body.readNBytes(EndpointReports.MAX_BYTES + 1);
        if (b.length > EndpointReports.MAX_BYTES) {
            throw new IllegalArgumentException("report larger than " + EndpointReports.MAX_BYTES + " bytes");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(inventory.submitReport(scope, b));
    }

    /** Body of a reassignment. */
    record Reassign(long unitId, @Nullable Long ownerPersonId) {}

    @PostMapping("/endpoints/{id}/unit")
    Endpoint reassign(UnitScope scope, @PathVariable long id, @RequestBody Reassign body) {
        return inventory.reassign(scope, id, body.unitId(), body.ownerPersonId());
    }

    /** Body of a classification. */
    record ClassificationBody(@Nullable String zone, boolean handlesSecrets, boolean server) {}

    @PostMapping("/endpoints/{id}/classification")
    Endpoint classify(UnitScope scope, @PathVariable long id, @RequestBody ClassificationBody body) {
        Zone zone = body.zone() == null || body.zone().isBlank()
                ? null
                : Zone.parse(body.zone())
                        .orElseThrow(() -> new IllegalArgumentException("unknown zone " + body.zone()));
        return inventory.classify(scope, id, new Classification(zone, body.handlesSecrets(), body.server()));
    }

    @PostMapping(value = "/inventory/imports/osquery", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an osquery result log (JSON lines); bad lines are listed with their numbers")
    ImportResult importOsquery(UnitScope scope, @RequestParam MultipartFile file) throws IOException {
        try (Reader r = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return inventory.importOsqueryLog(scope, r, name(file));
        }
    }

    @PostMapping(value = "/inventory/imports/av-csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an antivirus/EDR console CSV export with a column profile")
    ImportResult importAvCsv(
            UnitScope scope,
            @RequestParam MultipartFile file,
            @RequestParam String profile,
            @RequestParam(required = false) @Nullable Instant exportedAt)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return inventory.importAvCsv(
                    scope, in, profile, exportedAt == null ? Instant.now() : exportedAt, name(file));
        }
    }

    @GetMapping("/inventory/profiles")
    List<AvConsoleProfile> profiles() {
        return inventory.profiles();
    }

    @PostMapping(value = "/inventory/profiles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add or replace a console CSV column profile (JSON shape of the shipped profiles)")
    ResponseEntity<AvConsoleProfile> saveProfile(@RequestBody String json) {
        return ResponseEntity.status(HttpStatus.CREATED).body(inventory.saveProfile(json));
    }

    @GetMapping("/inventory/osquery-secrets")
    List<EnrollSecret> secrets(UnitScope scope) {
        return osquery.secrets(scope);
    }

    static String name(MultipartFile file) {
        String n = file.getOriginalFilename();
        return n == null || n.isBlank() ? "upload" : n.replaceAll("[\\p{Cntrl}]", "");
    }
}
