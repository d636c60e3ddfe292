package vn.khien.core.inventory;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import vn.khien.core.ingest.Rejection;

/**
 * Parses, validates and applies endpoint reports (schema {@code docs/api/endpoint-report.schema.json}). Validation
 * collects every problem with its JSON pointer instead of stopping at the first, so a script author sees them all.
 * A report is a snapshot: applying it replaces everything earlier reports said about that endpoint.
 */
public final class EndpointReports {
    /** Reports larger than this are refused unread. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** Items per list beyond this are refused (a machine with more programs is not an official computer). */
    public static final int MAX_ITEMS = 20_000;
    /** Clock skew tolerated between the reporting machine and Khiên. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(10);

    private static final int MAX_PROBLEMS = 100;

    private EndpointReports() {}

    /**
     * Parses and validates one report.
     *
     * @param receivedAt when Khiên received it; a {@code collectedAt} more than {@link #MAX_SKEW} later is refused
     * @throws EndpointReportException listing every problem found
     */
    public static EndpointReport parse(byte[] body, Instant receivedAt) {
        List<Rejection> problems = new ArrayList<>();
        if (body.length > MAX_BYTES) {
            throw new EndpointReportException(
                    List.of(new Rejection(0, "", "report larger than " + MAX_BYTES + " bytes")));
        }
        JsonNode root;
        try {
            root = OsqueryResultImporter.JSON.readTree(body);
        } catch (JacksonException e) {
            throw new EndpointReportException(
                    List.of(new Rejection(0, "", "malformed JSON: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new EndpointReportException(List.of(new Rejection(0, "", "a report must be a JSON object")));
        }
        Parser p = new Parser(problems);
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || version.asInt() != EndpointReport.SCHEMA_VERSION) {
            p.problem("/schemaVersion", "must be " + EndpointReport.SCHEMA_VERSION);
        }
        Instant collectedAt = p.instant(root, "/collectedAt", "collectedAt", true);
        if (collectedAt != null && collectedAt.isAfter(receivedAt.plus(MAX_SKEW))) {
            p.problem("/collectedAt", "is in the future (" + collectedAt + "); check the machine's clock");
        }
        JsonNode host = root.path("host");
        String hostname = p.text(host, "/host/hostname", "hostname", true, 255);
        String uuid = p.text(host, "/host/uuid", "uuid", false, 64);
        if (collectedAt == null || hostname == null) {
            p.problemsOrThrow();
            throw new EndpointReportException(problems);
        }
        FactSource src = new FactSource(FactSource.REPORT, collectedAt);
        List<EndpointFact> facts = new ArrayList<>();
        facts.add(new HostIdentity(hostname, uuid, src));

        JsonNode os = root.get("os");
        if (os != null && !os.isNull()) {
            String name = p.text(os, "/os/name", "name", true, 255);
            if (name != null) {
                facts.add(new OsInfo(
                        name,
                        p.text(os, "/os/version", "version", false, 255),
                        p.text(os, "/os/build", "build", false, 64),
                        p.text(os, "/os/platform", "platform", false, 32),
                        src));
            }
        }
        p.each(root, "interfaces", (n, at) -> {
            String ip = p.text(n, at + "/ip", "ip", false, 64);
            String mac = p.text(n, at + "/mac", "mac", false, 32);
            if (ip == null && mac == null) {
                p.problem(at, "needs ip or mac");
                return;
            }
            try {
                facts.add(new NetworkAddress(p.text(n, at + "/name", "name", false, 255), ip, mac, src));
            } catch (IllegalArgumentException e) {
                p.problem(at, e.getMessage());
            }
        });
        p.each(root, "software", (n, at) -> {
            String name = p.text(n, at + "/name", "name", true, 500);
            LocalDate installed = p.date(n, at + "/installedOn", "installedOn");
            if (name != null) {
                facts.add(new InstalledSoftware(
                        name,
                        p.text(n, at + "/version", "version", false, 200),
                        p.text(n, at + "/publisher", "publisher", false, 500),
                        installed,
                        src));
            }
        });
        p.each(root, "securityProducts", (n, at) -> {
            String name = p.text(n, at + "/name", "name", true, 500);
            String kindText = p.text(n, at + "/kind", "kind", true, 32);
            SecurityProductKind kind = kindText == null
                    ? null
                    : SecurityProductKind.parse(kindText).orElse(null);
            if (kindText != null && kind == null) {
                p.problem(at + "/kind", "must be antivirus, edr, firewall or antispyware, was '" + kindText + "'");
            }
            Boolean running = p.bool(n, at + "/running", "running");
            Boolean enabled = p.bool(n, at + "/enabled", "enabled");
            Instant sig = p.instant(n, at + "/signatureDate", "signatureDate", false);
            Boolean current = p.bool(n, at + "/signaturesUpToDate", "signaturesUpToDate");
            if (name != null && kind != null) {
                facts.add(new SecurityProduct(
                        name,
                        kind,
                        p.text(n, at + "/version", "version", false, 200),
                        running,
                        enabled,
                        sig,
                        current,
                        src));
            }
        });
        p.each(root, "patches", (n, at) -> {
            String id = p.text(n, at + "/id", "id", true, 64);
            LocalDate installed = p.date(n, at + "/installedOn", "installedOn");
            if (id != null) {
                facts.add(new OsPatch(id, installed, p.text(n, at + "/description", "description", false, 255), src));
            }
        });
        p.each(root, "usbDevices", (n, at) -> {
            String serial = p.text(n, at + "/serial", "serial", true, 255);
            if (serial != null) {
                facts.add(new RemovableStorageDevice(
                        p.text(n, at + "/vendor", "vendor", false, 255),
                        p.text(n, at + "/model", "model", false, 255),
                        serial,
                        collectedAt,
                        collectedAt,
                        src));
            }
        });
        JsonNode backup = root.get("backup");
        if (backup != null && !backup.isNull()) {
            Instant last = p.instant(backup, "/backup/lastSuccess", "lastSuccess", false);
            if (last != null) {
                facts.add(new BackupStatus(last, src));
            }
        }
        JsonNode internet = root.get("internet");
        if (internet != null && !internet.isNull()) {
            Boolean reachable = p.bool(internet, "/internet/reachable", "reachable");
            if (reachable == null) {
                p.problem("/internet/reachable", "is required when 'internet' is present");
            } else {
                String target = p.text(internet, "/internet/target", "target", false, 255);
                facts.add(new InternetConnectivity(reachable, "report " + (target == null ? "" : target), src));
            }
        }
        p.problemsOrThrow();
        return new EndpointReport(collectedAt, hostname, uuid, facts);
    }

    /**
     * Applies a report to an inventory, replacing what earlier reports said about the endpoint.
     *
     * @return the id of the endpoint the report landed on
     */
    public static String apply(EndpointReport report, Inventory inventory) {
        HostState host = inventory.resolve(report.uuid(), report.hostname(), null);
        host.seen(report.collectedAt());
        for (FactKind k : FactKind.values()) {
            host.clear(k, FactSource.REPORT);
        }
        for (EndpointFact f : report.facts()) {
            inventory.apply(host, f);
        }
        return host.id;
    }

    private interface ItemVisitor {
        void visit(JsonNode item, String pointer);
    }

    /** Reads fields while collecting problems. */
    private static final class Parser {
        private final List<Rejection> problems;

        Parser(List<Rejection> problems) {
            this.problems = problems;
        }

        void problem(String pointer, String reason) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Rejection(0, pointer, reason));
            }
        }

        void problemsOrThrow() {
            if (!problems.isEmpty()) {
                throw new EndpointReportException(problems);
            }
        }

        @Nullable
        String text(JsonNode o, String pointer, String field, boolean required, int max) {
            JsonNode v = o.get(field);
            if (v == null || v.isNull() || (v.isString() && v.asString().isBlank())) {
                if (required) {
                    problem(pointer, "is required");
                }
                return null;
            }
            if (!v.isString()) {
                problem(pointer, "must be a string");
                return null;
            }
            String s = v.asString().strip();
            if (s.length() > max) {
                problem(pointer, "longer than " + max + " characters");
                return null;
            }
            return s;
        }

        @Nullable
        Boolean bool(JsonNode o, String pointer, String field) {
            JsonNode v = o.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isBoolean()) {
                problem(pointer, "must be true or false");
                return null;
            }
            return v.asBoolean();
        }

        @Nullable
        Instant instant(JsonNode o, String pointer, String field, boolean required) {
            String s = text(o, pointer, field, required, 64);
            if (s == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeException e) {
                problem(
                        pointer,
                        "wrong date-time '" + s + "' (expected ISO 8601 with offset, e.g. 2026-11-20T08:00:00+07:00)");
                return null;
            }
        }

        @Nullable
        LocalDate date(JsonNode o, String pointer, String field) {
            String s = text(o, pointer, field, false, 64);
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
            } catch (DateTimeException e) {
                problem(pointer, "wrong date '" + s + "' (expected yyyy-MM-dd)");
                return null;
            }
        }

        void each(JsonNode root, String field, ItemVisitor visitor) {
            JsonNode arr = root.get(field);
            if (arr == null || arr.isNull()) {
                return;
            }
            if (!arr.isArray()) {
                problem("/" + field, "must be an array");
                return;
            }
            if (arr.size() > MAX_ITEMS) {
                problem("/" + field, "more than " + MAX_ITEMS + " items");
                return;
            }
            for (int i = 0; i < arr.size(); i++) {
                JsonNode item = arr.get(i);
                String at = "/" + field + "/" + i;
                if (!item.isObject()) {
                    problem(at, "must be an object");
                    continue;
                }
                visitor.visit(item, at);
            }
        }
    }
}
