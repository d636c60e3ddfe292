package vn.khien.app.incidents;

import java.time.Instant;

/** An evidence file (chứng cứ) kept outside the database under its SHA-256. */
public record Evidence(
        long id,
        long incidentId,
        String fileName,
        String sha256,
        long sizeBytes,
        String scanResult,
        String uploadedBy,
        Instant uploadedAt) {}
