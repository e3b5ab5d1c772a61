package org.civicledger.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clerks who may write, from configuration ({@code civic.clerks[n].username|password}); {@code password} is a
 * Spring Security encoded hash, e.g. {@code {bcrypt}$2a$10$...}. Both services read the same accounts.
 */
@ConfigurationProperties("civic")
public record ClerkAccounts(List<Clerk> clerks) {

    public record Clerk(String username, String password) {
    }
}
