package vn.khien.app.directives;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An evidence file (minh chứng) of a task or of a unit report. */
public record EvidenceFile(
        long id,
        long directiveId,
        long unitId,
        @Nullable Long taskId,
        @Nullable Long reportId,
        String fileName,
        String sha256,
        long sizeBytes,
        Instant uploadedAt,
        String uploadedBy) {}
