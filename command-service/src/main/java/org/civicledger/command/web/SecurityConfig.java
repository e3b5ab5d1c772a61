package org.civicledger.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * hashed passwords; requests
 * authenticate with HTTP Basic, statelessly, so there is no session cookie to forge (hence no CSRF token).
 */
@Configuration
class SecurityConfig {

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
            Problems.write(response, json, Problems.of(HttpStatus.UNAUTHORIZED,
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
                        .accessDeniedHandler((request, response, ex) -> Problems.write(response, json,
                                Problems.of(HttpStatus.FORBIDDEN, "clerk-role-required",
                                        "This account may not record actions."))))
                .build();
    }
}
