package org.civicledger.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.civicledger.web.Problems;

/**
 * The public reads everything without logging in. The only write here, retrying dead letters, takes a clerk login:
 * the same accounts and password hashes as command-service (web-support's {@code ClerkAccounts}), over HTTP Basic,
 * statelessly.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain publicRecord(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint loginRequired = (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"civic-ledger\"");
            Problems.write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, "clerk-login-required",
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
                        .accessDeniedHandler((request, response, ex) -> Problems.write(response, json,
                                Problems.of(HttpStatus.FORBIDDEN, "clerk-role-required",
                                        "This account may not retry dead letters."))))
                .build();
    }
}
