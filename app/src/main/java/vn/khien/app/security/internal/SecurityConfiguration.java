package vn.khien.app.security.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.khien.app.security.ApiKeyService;

/**
 * Two filter chains: {@code /api/v1/**} (API keys or the browser session, problem JSON instead of
 * redirects) and everything else (form login, second factor, stages). Both send a strict CSP with no
 * inline scripts, deny framing, and keep CSRF protection on for sessions.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** osquery's TLS remote API: agents authenticate by enroll secret and node key (inventory module). */
    private static final String[] OSQUERY_TLS = {
        "/api/v1/osquery/enroll",
        "/api/v1/osquery/config",
        "/api/v1/osquery/log",
        "/api/v1/osquery/distributed/read",
        "/api/v1/osquery/distributed/write"
    };

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()")));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeyService keys, PasswordAuthenticationProvider passwords)
            throws Exception {
        headers(http);
        http.securityMatcher("/api/v1/**")
                .authenticationManager(new ProviderManager(passwords))
                .addFilterBefore(new ApiKeyFilter(keys), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new StageFilter(), AuthorizationFilter.class)
                .csrf(c -> c.ignoringRequestMatchers(r -> ApiKeyFilter.presentedKey(r) != null)
                        .ignoringRequestMatchers(OSQUERY_TLS))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .authorizeHttpRequests(a ->
                        a.requestMatchers(OSQUERY_TLS).permitAll().anyRequest().hasAuthority(Authorities.COMPLETE))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint((req, res, ex) -> problem(res, 401, "authentication required"))
                                .accessDeniedHandler((req, res, ex) -> problem(res, 403, "forbidden")));
        return http.build();
    }

    /** Health is public; metrics take an administrator, coordinator or auditor session, or such an API key. */
    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, ApiKeyService keys) throws Exception {
        headers(http);
        http.securityMatcher("/actuator/**")
                .addFilterBefore(new ApiKeyFilter(keys), UsernamePasswordAuthenticationFilter.class)
                .csrf(c -> c.ignoringRequestMatchers(r -> ApiKeyFilter.presentedKey(r) != null))
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority(Authorities.COMPLETE),
                                AuthorityAuthorizationManager.hasAnyRole("ADMIN", "COORDINATOR", "AUDITOR")))
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(
                        e -> e.authenticationEntryPoint((req, res, ex) -> problem(res, 401, "authentication required"))
                                .accessDeniedHandler((req, res, ex) -> problem(res, 403, "forbidden")));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, SignInFlow flow, PasswordAuthenticationProvider passwords)
            throws Exception {
        headers(http);
        http.authenticationManager(new ProviderManager(passwords))
                .addFilterBefore(new StageFilter(), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/ack/**",
                                "/assets/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/api/docs",
                                "/api/docs/**",
                                "/api/swagger-ui/**",
                                "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/login/mfa")
                        .hasAuthority(Authorities.MFA_PENDING)
                        .anyRequest()
                        .hasAuthority(Authorities.COMPLETE))
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(flow)
                        .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath()
                                + (ex instanceof LockedException ? "/login?locked" : "/login?error"))))
                .logout(l ->
                        l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        return http.build();
    }

    private static void problem(HttpServletResponse res, int status, String detail) throws java.io.IOException {
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.getWriter()
                .write("{\"title\":\"" + (status == 401 ? "Unauthorized" : "Forbidden") + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
    }
}
