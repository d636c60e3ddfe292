package vn.khien.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.internal.ApiKeyDao;
import vn.khien.core.org.Role;

/**
 * API keys for scripts and integrations: {@code khien_<prefix>_<secret>}, shown once, stored as SHA-256
 * (the key carries 190 bits of randomness, so a fast hash is enough), scoped to a unit, revocable.
 */
@Service
public class ApiKeyService {
    private final ApiKeyDao keys;
    private final AuditTrail audit;
    private final Clock clock;

    public ApiKeyService(ApiKeyDao keys, AuditTrail audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A key just created; {@code key} is shown to its creator once and never stored. */
    public record CreatedKey(ApiKey apiKey, String key) {
        @Override
        public String toString() {
            return "CreatedKey[" + apiKey.prefix() + "]";
        }
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER')")
    @Transactional
    public CreatedKey create(UnitScope scope, String name, long unitId, Role role) {
        if (!scope.allows(unitId)) {
            throw new AccessDeniedException("unit " + unitId + " is outside your scope");
        }
        if (role == Role.ADMIN || (role.provinceWide() && !scope.all())) {
            throw new AccessDeniedException("an API key cannot have role " + role);
        }
        if (!EnumSet.of(Role.IT_OFFICER, Role.STAFF, Role.AUDITOR, Role.COORDINATOR, Role.POLICE, Role.RESPONDER)
                .contains(role)) {
            throw new IllegalArgumentException("role " + role + " is not available for API keys");
        }
        String prefix = UserService.randomPassword(8);
        String key = "khien_" + prefix + "_" + UserService.randomPassword(32);
        String caller = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication()
                .getName();
        long id = keys.insert(name.strip(), prefix, sha256(key), unitId, role, caller);
        ApiKey created = keys.find(id).orElseThrow();
        audit.record("api-key.create", "api-key", id, unitId, null, created);
        return new CreatedKey(created, key);
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER','AUDITOR')")
    @Transactional(readOnly = true)
    public List<ApiKey> list(UnitScope scope) {
        return keys.list(scope);
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','IT_OFFICER')")
    @Transactional
    public void revoke(UnitScope scope, long id) {
        ApiKey before = keys.find(id)
                .filter(k -> scope.allows(k.unitId()))
                .orElseThrow(() -> new AccessDeniedException("API key " + id + " is not yours to revoke"));
        keys.revoke(id, clock.instant());
        audit.record(
                "api-key.revoke",
                "api-key",
                id,
                before.unitId(),
                before,
                keys.find(id).orElseThrow());
    }

    /** The principal a presented key stands for, if it is a known, unrevoked key. */
    @Transactional
    public Optional<KhienPrincipal> authenticate(String presented) {
        if (!presented.startsWith("khien_") || presented.length() > 100) {
            return Optional.empty();
        }
        return keys.findActiveByHash(sha256(presented)).map(k -> {
            keys.touch(k.id(), clock.instant());
            return new KhienPrincipal(
                    null, k.id(), "api-key:" + k.prefix(), k.name(), k.unitId(), EnumSet.of(k.role()));
        });
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
