package org.civicledger.command.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailuresPerAccount failed logins for one account within {@code window} before it is locked
 * @param maxFailuresPerAddress failed logins from one client address within {@code window} before it is locked
 *                              (higher: a council office may share one address)
 * @param window                how long failures are counted
 * @param lockout               how long a locked account or address is refused, even with the right password
 * @param tracked               at most this many accounts and addresses are counted at once (memory bound)
 */
@ConfigurationProperties("civic.security.login")
public record LoginSettings(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window, Duration lockout,
                            long tracked) {
}
