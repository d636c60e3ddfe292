package vn.khien.app.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.internal.Totp;
import vn.khien.app.security.internal.UserDao;
import vn.khien.core.org.Role;

/**
 * Logins: creation with a one-time password, password changes under the password policy, TOTP enrolment,
 * unlocking and resets. Passwords and seeds never reach the audit trail or logs.
 */
@Service
public class UserService {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserDao users;
    private final PasswordEncoder encoder;
    private final SecretBox secrets;
    private final AuditTrail audit;
    private final Clock clock;

    public UserService(UserDao users, PasswordEncoder encoder, SecretBox secrets, AuditTrail audit, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    /** A login just created or reset, with the one-time password to hand over once. */
    public record IssuedLogin(UserAccount account, String oneTimePassword) {
        @Override
        public String toString() {
            return "IssuedLogin[" + account.username() + "]";
        }
    }

    public static String randomPassword(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Transactional(readOnly = true)
    public long count() {
        return users.count();
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','AUDITOR')")
    @Transactional(readOnly = true)
    public List<UserAccount> list(UnitScope scope) {
        return users.list(scope);
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public IssuedLogin create(
            UnitScope scope,
            String username,
            String displayName,
            @Nullable Long personId,
            @Nullable Long unitId,
            Set<Role> roles) {
        if (roles.contains(Role.ADMIN) && !callerHas(Role.ADMIN)) {
            throw new AccessDeniedException("only an administrator may grant the administrator role");
        }
        if (unitId != null && !scope.allows(unitId)) {
            throw new AccessDeniedException("unit " + unitId + " is outside your scope");
        }
        return createInternal(username, displayName, personId, unitId, roles);
    }

    /** Creates a login without a caller (first start, demo); the password must be changed at first login. */
    @Transactional
    public IssuedLogin createInternal(
            String username, String displayName, @Nullable Long personId, @Nullable Long unitId, Set<Role> roles) {
        if (!username.matches("[A-Za-z0-9._@-]{3,100}")) {
            throw new IllegalArgumentException("user name must be 3-100 letters, digits or . _ @ -");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("user name '" + username + "' is taken");
        }
        String password = randomPassword(16);
        long id = users.insert(
                username,
                displayName,
                personId,
                unitId,
                roles.isEmpty() ? EnumSet.of(Role.STAFF) : roles,
                encoder.encode(password),
                true);
        UserAccount account = users.find(id).orElseThrow();
        audit.record("user.create", "user", id, unitId, null, account);
        return new IssuedLogin(account, password);
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public IssuedLogin resetPassword(UnitScope scope, long id) {
        UserAccount before = inScope(scope, id);
        String password = randomPassword(16);
        users.setPassword(id, encoder.encode(password), true);
        users.unlock(id);
        audit.record("user.password-reset", "user", id, before.unitId(), null, Map.of("username", before.username()));
        return new IssuedLogin(users.find(id).orElseThrow(), password);
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public void unlock(UnitScope scope, long id) {
        UserAccount before = inScope(scope, id);
        users.unlock(id);
        audit.record(
                "user.unlock",
                "user",
                id,
                before.unitId(),
                before,
                users.find(id).orElseThrow());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void resetMfa(UnitScope scope, long id) {
        UserAccount before = inScope(scope, id);
        users.setTotp(id, null, 0);
        audit.record(
                "user.mfa-reset",
                "user",
                id,
                before.unitId(),
                before,
                users.find(id).orElseThrow());
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public UserAccount update(UnitScope scope, long id, Set<Role> roles, @Nullable Long unitId, boolean enabled) {
        UserAccount before = inScope(scope, id);
        if ((roles.contains(Role.ADMIN) || before.roles().contains(Role.ADMIN)) && !callerHas(Role.ADMIN)) {
            throw new AccessDeniedException("only an administrator may change administrators");
        }
        users.setRolesAndUnit(id, roles, unitId, enabled);
        UserAccount after = users.find(id).orElseThrow();
        audit.record("user.update", "user", id, unitId, before, after);
        return after;
    }

    /** Changes the caller's own password after checking the current one and the policy. */
    @Transactional
    public void changeOwnPassword(KhienPrincipal me, String current, String next) {
        UserDao.Credentials c = users.credentials(me.name()).orElseThrow();
        if (!encoder.matches(current, c.passwordHash())) {
            throw new PasswordPolicyException("password.current.wrong");
        }
        PasswordPolicy.check(next, c.username(), c.displayName());
        if (encoder.matches(next, c.passwordHash())) {
            throw new PasswordPolicyException("password.same");
        }
        users.setPassword(c.id(), encoder.encode(next), false);
        audit.record("user.password-change", "user", c.id(), c.unitId(), null, Map.of("username", c.username()));
    }

    /** Stores a confirmed TOTP seed after checking one code from it. */
    @Transactional
    public boolean enrolMfa(KhienPrincipal me, String secret, String code) {
        long step = Totp.matchingStep(secret, code, clock.instant());
        if (step < 0 || me.userId() == null) {
            return false;
        }
        users.setTotp(me.userId(), secrets.encrypt(secret), step);
        audit.record("user.mfa-enrol", "user", me.userId(), me.unitId(), null, Map.of("username", me.name()));
        return true;
    }

    @Transactional(readOnly = true)
    public UserAccount get(long id) {
        return users.find(id).orElseThrow(() -> new IllegalArgumentException("no user " + id));
    }

    private UserAccount inScope(UnitScope scope, long id) {
        UserAccount u = users.find(id).orElseThrow(() -> new IllegalArgumentException("no user " + id));
        if (!scope.all() && (u.unitId() == null || !scope.allows(u.unitId()))) {
            throw new AccessDeniedException("user " + id + " is outside your scope");
        }
        return u;
    }

    private static boolean callerHas(Role role) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return auth != null
                && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role.name()));
    }
}
