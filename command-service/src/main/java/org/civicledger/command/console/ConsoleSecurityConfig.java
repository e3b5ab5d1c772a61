package org.civicledger.command.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The clerk console (/console/**): people log in with a form, keep a session and send Spring Security's CSRF token
 * with every post, all as Spring Security does by default. Ordered before the API's chain, which serves everything
 * else statelessly with HTTP Basic. The session cookie is scoped to /console (server.servlet.session.cookie.path), so
 * it never even reaches the API.
 */
@Configuration
class ConsoleSecurityConfig {

    static final String LOGIN = "/console/login";

    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, AuthenticationManager clerkAuthentication) throws Exception {
        SessionExpiry expiry = new SessionExpiry();
        return http
                .securityMatcher("/console", "/console/**")
                .authenticationManager(clerkAuthentication)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(LOGIN, "/console/console.css").permitAll()
                        .anyRequest().hasRole("CLERK"))
                .formLogin(form -> form
                        .loginPage(LOGIN)
                        .loginProcessingUrl(LOGIN)
                        // Back to the page that asked for the login (a GET), e.g. the live meeting after a timeout.
                        .defaultSuccessUrl("/console")
                        .failureHandler(new LoginFailureHandler()))
                .logout(logout -> logout
                        .logoutUrl("/console/logout")
                        .logoutSuccessUrl(LOGIN + "?logout")
                        .deleteCookies("JSESSIONID"))
                // An expired (timed-out) session is sent back to the login page, saying why.
                .exceptionHandling(e -> e.authenticationEntryPoint(expiry).accessDeniedHandler(expiry))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; form-action 'self';"
                                + " frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
