package vn.khien.app.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Keeps a session that has a sign-in stage left on the page that completes it. */
class StageFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth != null && !open(path)) {
            String required = null;
            if (SignInFlow.has(auth, Authorities.MFA_PENDING)) {
                required = "/login/mfa";
            } else if (SignInFlow.has(auth, Authorities.STAGE_PASSWORD)) {
                required = "/account/password";
            } else if (SignInFlow.has(auth, Authorities.STAGE_MFA_ENROL)) {
                required = "/account/mfa";
            }
            if (required != null && !path.startsWith(required)) {
                if (path.startsWith("/api/")) {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN, "sign-in not complete");
                } else {
                    response.sendRedirect(request.getContextPath() + required);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean open(String path) {
        return path.startsWith("/assets/")
                || path.startsWith("/webjars/")
                || path.equals("/logout")
                || path.equals("/error")
                || path.equals("/favicon.ico")
                || path.startsWith("/actuator/health");
    }
}
