package org.civicledger.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The public reads everything without logging in. The only write here, retrying dead letters, takes a clerk login:
 * the same accounts and password hashes as command-service ({@code civic.clerks}), over HTTP Basic, statelessly.
 */
@Configuration
class SecurityConfig {

    @ConfigurationProperties("civic")
    record ClerkAccounts(List<Clerk> clerks) {
        record Clerk(String username, String password) {
        }
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService clerks(ClerkAccounts accounts) {
        List<ClerkAccounts.Clerk> clerks = accounts.clerks() == null ? List.of() : accounts.clerks();
        return new InMemoryUserDetailsManager(clerks.stream()
                .map(c -> User.withUsername(c.username()).password(c.password()).roles("CLERK").build())
                .toList());
    }

    @Bean
    SecurityFilterChain publicRecord(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint loginRequired = (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"civic-ledger\"");
            write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, "clerk-login-required",
                    "Retrying dead letters requires a clerk login."));
        };
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Public reads keep their own caching headers (ETags on minutes, feeds).
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/dead-letters/retry").hasRole("CLERK")
                        .anyRequest().permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(loginRequired))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(loginRequired)
                        .accessDeniedHandler((request, response, ex) -> write(response, json,
                                Problems.of(HttpStatus.FORBIDDEN, "clerk-role-required",
                                        "This account may not retry dead letters."))))
                .build();
    }

    private static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
