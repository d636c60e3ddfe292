package vn.khien.app.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.app.audit.internal.AuditDao;
import vn.khien.app.audit.internal.AuditHash;
import vn.khien.app.platform.UnitScope;

/**
 * Records state changes in the hash-chained audit trail, in the caller's transaction, and reads and
 * verifies it. Callers pass plain records for {@code before}/{@code after}; never pass secrets (password
 * hashes, TOTP seeds, API keys): they would be kept forever.
 */
@Service
public class AuditTrail {
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final AuditDao dao;
    private final Clock clock;

    public AuditTrail(AuditDao dao, Clock clock) {
        this.dao = dao;
        this.clock = clock;
    }

    /** Appends one entry; the actor is the signed-in user, the API key, or {@code system}. */
    @Transactional
    public void record(
            String action,
            String entityType,
            @Nullable Object entityId,
            @Nullable Long unitId,
            @Nullable Object before,
            @Nullable Object after) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String beforeJson = before == null ? null : CANONICAL.writeValueAsString(before);
        String afterJson = after == null ? null : CANONICAL.writeValueAsString(after);
        dao.append(
                currentActor(),
                at,
                action,
                entityType,
                entityId == null ? null : entityId.toString(),
                unitId,
                beforeJson,
                afterJson);
    }

    /** Like {@link #record} but with an explicit actor, for events before anyone is signed in (login). */
    @Transactional
    public void recordAs(
            String actor,
            String action,
            String entityType,
            @Nullable Object entityId,
            @Nullable Long unitId,
            @Nullable Object after) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        dao.append(
                actor,
                at,
                action,
                entityType,
                entityId == null ? null : entityId.toString(),
                unitId,
                null,
                after == null ? null : CANONICAL.writeValueAsString(after));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> list(UnitScope scope, AuditFilter filter, ZoneId zone, int limit, int offset) {
        return dao.list(scope, filter, zone, limit, offset);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> forEntity(String entityType, String entityId, int limit) {
        return dao.forEntity(entityType, entityId, limit);
    }

    /** Re-computes every hash in order; stops at the first row that does not match. */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        return dao.verify();
    }

    /** The genesis value the first row's {@code prev_hash} holds. */
    public static String genesis() {
        return AuditHash.GENESIS;
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null
                || !auth.isAuthenticated()
                || auth.getName() == null
                || "anonymousUser".equals(auth.getName())) {
            return "system";
        }
        return auth.getName();
    }
}
