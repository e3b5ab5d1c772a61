package org.civicledger.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
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
 * Only clerks write. Accounts come from configuration ({@code civic.clerks}) with hashed passwords; requests
 * authenticate with HTTP Basic, statelessly, so there is no session cookie to forge (hence no CSRF token).
 */
@Configuration
class SecurityConfig {

    @ConfigurationProperties("civic")
    record ClerkAccounts(List<Clerk> clerks) {
        /** {@code password} is a Spring Security encoded hash, e.g. {@code {bcrypt}$2a$10$...}. */
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

    /** bcrypt verifies a clerk's password once; repeated requests within the TTL reuse that verdict. */
    @Bean
    AuthenticationManager clerkAuthentication(UserDetailsService clerks, PasswordEncoder encoder, Clock clock,
                                              @Value("${civic.security.verified-credentials-ttl}") Duration ttl) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(clerks);
        bcrypt.setPasswordEncoder(encoder);
        return new ProviderManager(new VerifiedCredentialsCache(bcrypt, ttl, clock));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, AuthenticationManager clerkAuthentication)
            throws Exception {
        AuthenticationEntryPoint loginRequired = (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"civic-ledger\"");
            write(response, json, ProblemHandler.problem(HttpStatus.UNAUTHORIZED,
                    "clerk-login-required", "Recording actions requires a clerk login."));
        };
        return http
                .authenticationManager(clerkAuthentication)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .anyRequest().hasRole("CLERK"))
                .httpBasic(basic -> basic.authenticationEntryPoint(loginRequired))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(loginRequired)
                        .accessDeniedHandler((request, response, ex) -> write(response, json,
                                ProblemHandler.problem(HttpStatus.FORBIDDEN, "clerk-role-required",
                                        "This account may not record actions."))))
                .build();
    }

    private static void write(jakarta.servlet.http.HttpServletResponse response, ObjectMapper json,
                              ProblemDetail problem) throws java.io.IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
