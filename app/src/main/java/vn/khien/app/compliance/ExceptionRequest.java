package vn.khien.app.compliance;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An exception (ngoại lệ) to a finding: requested with a justification and an expiry, approved or rejected by a
 * unit head or coordinator. Approved and unexpired, it makes the finding count as compliant.
 */
public record ExceptionRequest(
        long id,
        long findingId,
        @Nullable Long unitId,
        String justification,
        String requestedBy,
        Instant requestedAt,
        LocalDate expiresOn,
        String status,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String decisionNote,
        boolean active) {}
