package vn.khien.app.security.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import vn.khien.app.security.KhienPrincipal;
import vn.khien.core.org.Role;

/**
 * Authorities of the sign-in stages. Only {@link #COMPLETE} opens the application; the stage authorities
 * confine a session to the page that finishes the stage.
 */
public final class Authorities {
    /** Password checked, second factor still to come. */
    public static final String MFA_PENDING = "MFA_PENDING";
    /** Every factor checked. */
    public static final String COMPLETE = "FACTOR_COMPLETE";
    /** Signed in with a one-time password that must be replaced first. */
    public static final String STAGE_PASSWORD = "STAGE_PASSWORD";
    /** Administrator without a second factor, who must enrol one first. */
    public static final String STAGE_MFA_ENROL = "STAGE_MFA_ENROL";

    private Authorities() {}

    static List<GrantedAuthority> full(KhienPrincipal p, boolean mustChangePassword, boolean mfaEnrolled) {
        List<GrantedAuthority> out = new ArrayList<>();
        out.add(new SimpleGrantedAuthority(COMPLETE));
        for (Role r : p.roles()) {
            out.add(new SimpleGrantedAuthority("ROLE_" + r.name()));
        }
        if (mustChangePassword) {
            out.add(new SimpleGrantedAuthority(STAGE_PASSWORD));
        }
        if (!mfaEnrolled && p.roles().stream().anyMatch(Role::requiresMfa)) {
            out.add(new SimpleGrantedAuthority(STAGE_MFA_ENROL));
        }
        return out;
    }

    static KhienPrincipal principal(UserDao.Credentials c) {
        return new KhienPrincipal(c.id(), null, c.username(), c.displayName(), c.unitId(), c.roles());
    }
}
