package vn.khien.app.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.security.KhienPrincipal;

/**
 * Checks user name and password with lockout: after {@link #THRESHOLD} consecutive failures the login is
 * locked for one minute, doubling with each further failure up to an hour; a locked login is refused even
 * with the right password. Users with a second factor come out {@link Authorities#MFA_PENDING}.
 */
@Component
public class PasswordAuthenticationProvider implements AuthenticationProvider {
    static final int THRESHOLD = 5;
    static final long BASE_LOCK_SECONDS = 60;
    static final long MAX_LOCK_SECONDS = 3600;

    private final UserDao users;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final String dummyHash;

    public PasswordAuthenticationProvider(UserDao users, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = encoder.encode("timing-equaliser-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        Optional<UserDao.Credentials> found = users.credentials(username);
        if (found.isEmpty()) {
            encoder.matches(password, dummyHash);
            throw new BadCredentialsException("bad credentials");
        }
        UserDao.Credentials c = found.get();
        Instant now = clock.instant();
        if (!c.enabled()) {
            throw new DisabledException("disabled");
        }
        if (c.lockedUntil() != null && c.lockedUntil().isAfter(now)) {
            audit.recordAs(c.username(), "login.refused-locked", "user", c.id(), c.unitId(), null);
            throw new LockedException("locked until " + c.lockedUntil());
        }
        if (!encoder.matches(password, c.passwordHash())) {
            failure(c, now);
            throw new BadCredentialsException("bad credentials");
        }
        KhienPrincipal principal = Authorities.principal(c);
        if (c.totpSecret() != null) {
            return UsernamePasswordAuthenticationToken.authenticated(
                    principal, null, List.of(new SimpleGrantedAuthority(Authorities.MFA_PENDING)));
        }
        users.recordSuccess(c.id(), now);
        audit.recordAs(c.username(), "login.success", "user", c.id(), c.unitId(), null);
        return UsernamePasswordAuthenticationToken.authenticated(
                principal, null, Authorities.full(principal, c.mustChangePassword(), false));
    }

    void failure(UserDao.Credentials c, Instant now) {
        users.recordFailure(c.username(), now, THRESHOLD, BASE_LOCK_SECONDS, MAX_LOCK_SECONDS);
        int attempts = c.failedAttempts() + 1;
        audit.recordAs(
                c.username(),
                attempts >= THRESHOLD ? "login.locked" : "login.failure",
                "user",
                c.id(),
                c.unitId(),
                Map.of("consecutiveFailures", attempts));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
