package vn.khien.app.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import vn.khien.app.audit.AuditTrail;
import vn.khien.app.security.KhienPrincipal;
import vn.khien.app.security.SecretBox;

/** The steps after the password: the second factor, then the forced password change and MFA enrolment. */
@Component
public class SignInFlow implements AuthenticationSuccessHandler {
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final UserDao users;
    private final SecretBox secrets;
    private final AuditTrail audit;
    private final Clock clock;
    private final PasswordAuthenticationProvider passwords;

    public SignInFlow(
            UserDao users, SecretBox secrets, AuditTrail audit, Clock clock, PasswordAuthenticationProvider passwords) {
        this.users = users;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
        this.passwords = passwords;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        response.sendRedirect(request.getContextPath() + nextPage(auth));
    }

    /** Where a session with this authentication must go next: a pending stage, or home. */
    public static String nextPage(Authentication auth) {
        if (has(auth, Authorities.MFA_PENDING)) {
            return "/login/mfa";
        }
        if (has(auth, Authorities.STAGE_PASSWORD)) {
            return "/account/password";
        }
        if (has(auth, Authorities.STAGE_MFA_ENROL)) {
            return "/account/mfa";
        }
        return "/";
    }

    static boolean has(Authentication auth, String authority) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }

    /** Checks a TOTP code for a session waiting for it; on success the session becomes fully signed in. */
    public boolean verifySecondFactor(String code, HttpServletRequest request, HttpServletResponse response) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof KhienPrincipal p) || !has(auth, Authorities.MFA_PENDING)) {
            return false;
        }
        Optional<UserDao.Credentials> found = users.credentials(p.name());
        if (found.isEmpty() || found.get().totpSecret() == null) {
            return false;
        }
        UserDao.Credentials c = found.get();
        if (c.lockedUntil() != null && c.lockedUntil().isAfter(clock.instant())) {
            return false;
        }
        long step = Totp.matchingStep(secrets.decrypt(c.totpSecret()), code, clock.instant());
        if (step < 0 || !users.useTotpStep(c.id(), step)) {
            passwords.failure(c, clock.instant());
            return false;
        }
        users.recordSuccess(c.id(), clock.instant());
        audit.recordAs(c.username(), "login.success", "user", c.id(), c.unitId(), java.util.Map.of("mfa", true));
        refresh(p.name(), request, response);
        return true;
    }

    /** Re-reads the login and replaces the session's authentication (after a stage completes). */
    public void refresh(String username, HttpServletRequest request, HttpServletResponse response) {
        UserDao.Credentials c = users.credentials(username).orElseThrow();
        KhienPrincipal principal = Authorities.principal(c);
        Authentication full = UsernamePasswordAuthenticationToken.authenticated(
                principal, null, Authorities.full(principal, c.mustChangePassword(), c.totpSecret() != null));
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
