package vn.khien.app.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.khien.app.security.ApiKeyService;
import vn.khien.app.security.KhienPrincipal;

/** Authenticates {@code Authorization: Bearer khien_…} or {@code X-API-Key} requests, statelessly. */
class ApiKeyFilter extends OncePerRequestFilter {
    private final ApiKeyService keys;

    ApiKeyFilter(ApiKeyService keys) {
        this.keys = keys;
    }

    static @Nullable String presentedKey(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        String x = request.getHeader("X-API-Key");
        return x == null ? null : x.strip();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presentedKey(request);
        if (presented != null) {
            Optional<KhienPrincipal> principal = keys.authenticate(presented);
            if (principal.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/problem+json");
                response.getWriter()
                        .write("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"unknown or revoked API key\"}");
                return;
            }
            KhienPrincipal p = principal.get();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(p, null, Authorities.full(p, false, true)));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
