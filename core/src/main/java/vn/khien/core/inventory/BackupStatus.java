package vn.khien.core.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * The last successful backup of an endpoint, as the backup software or the event log records it.
 *
 * @param lastSuccess when the last backup finished successfully
 */
public record BackupStatus(Instant lastSuccess, FactSource source) implements EndpointFact {
    public BackupStatus {
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(source, "source");
    }
}
