package org.civicledger.command.console;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code civic.console.*}: where the console reads the public record, and how long it waits for it. */
@ConfigurationProperties("civic.console")
record ConsoleSettings(URI queryUrl, Duration queryTimeout) {
}
