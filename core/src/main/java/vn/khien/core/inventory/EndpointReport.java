package vn.khien.core.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A validated endpoint report ({@code POST /api/v1/endpoints/reports}, schema
 * {@code docs/api/endpoint-report.schema.json}): the facts a script such as {@code tools/khien-report.ps1}
 * collected on one machine, each with source {@code report} at {@code collectedAt}.
 *
 * @param collectedAt when the script collected the facts
 * @param hostname the machine's host name, never blank
 * @param uuid the hardware UUID, or null
 * @param facts the reported facts (identity, OS, addresses, software, security products, patches, storage devices,
 *     backup, connectivity)
 */
public record EndpointReport(
        Instant collectedAt, String hostname, @Nullable String uuid, List<EndpointFact> facts) {
    /** The only schema version this parser reads. */
    public static final int SCHEMA_VERSION = 1;

    public EndpointReport {
        Objects.requireNonNull(collectedAt, "collectedAt");
        Objects.requireNonNull(hostname, "hostname");
        if (hostname.isBlank()) {
            throw new IllegalArgumentException("report hostname must not be blank");
        }
        facts = List.copyOf(facts);
    }
}
