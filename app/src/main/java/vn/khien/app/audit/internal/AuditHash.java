package vn.khien.app.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The hash of an audit row: SHA-256 over its fields and its predecessor's hash, each field length-prefixed
 * so that no two different rows serialise to the same bytes.
 */
public final class AuditHash {
    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {}

    public static String of(
            long seq,
            Instant at,
            String actor,
            String action,
            String entityType,
            @Nullable String entityId,
            @Nullable Long unitId,
            @Nullable String before,
            @Nullable String after,
            String prevHash) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String field : new String[] {
            Long.toString(seq),
            at.toString(),
            actor,
            action,
            entityType,
            entityId,
            unitId == null ? null : unitId.toString(),
            before,
            after,
            prevHash
        }) {
            if (field == null) {
                sha.update((byte) 0);
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update((byte) 1);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
