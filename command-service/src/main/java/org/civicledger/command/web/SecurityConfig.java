package org.civicledger.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.civicledger.web.Problems;

/**
 * Only clerks write. Accounts come from configuration ({@code civic.clerks}, web-support's {@code ClerkAccounts}) with
 * hashed passwords. This chain serves everything outside the console (ordered after the console's own): requests
 * authenticate with HTTP Basic, statelessly, so there is no session cookie to forge (hence no CSRF token), and the
 * console's session cookie authenticates nothing here.
 */
@Configuration
class SecurityConfig {

    /**
     * One password check for the API and the console: the throttle first (failed logins per account and address),
     * then bcrypt, whose verdict for the same credentials is reused within the TTL.
     */
    @Bean
    AuthenticationManager clerkAuthentication(UserDetailsService clerks, PasswordEncoder encoder, Clock clock,
                                              @Value("${civic.security.verified-credentials-ttl}") Duration ttl,
                                              LoginSettings login) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(clerks);
        bcrypt.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledLogin(new VerifiedCredentialsCache(bcrypt, ttl, clock),
                new LoginThrottle(login, clock)));
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, AuthenticationManager clerkAuthentication,
                           Clock clock)
            throws Exception {
        AuthenticationEntryPoint loginRequired = (request, response, ex) -> {
            if (ex instanceof LoginThrottled throttled) {
                long seconds = Math.max(1, Duration.between(clock.instant(), throttled.until()).toSeconds());
                response.setHeader("Retry-After", Long.toString(seconds));
                Problems.write(response, json, Problems.of(HttpStatus.TOO_MANY_REQUESTS, LoginThrottled.RULE,
                        "Too many failed logins for this account or from this address; try again later."));
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"civic-ledger\"");
            Problems.write(response, json, Problems.of(HttpStatus.UNAUTHORIZED,
                    "clerk-login-required", "Recording actions requires a clerk login."));
        };
        return http
                .authenticationManager(clerkAuthentication)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/error").permitAll()
                        // Meters hold counts and lags, nothing of the record that is not public anyway.
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .anyRequest().hasRole("CLERK"))
                .httpBasic(basic -> basic.authenticationEntryPoint(loginRequired))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(loginRequired)
                        .accessDeniedHandler((request, response, ex) -> Problems.write(response, json,
                                Problems.of(HttpStatus.FORBIDDEN, "clerk-role-required",
                                        "This account may not record actions."))))
                .build();
    }
}
