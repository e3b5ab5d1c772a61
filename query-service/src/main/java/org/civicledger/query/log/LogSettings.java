package org.civicledger.query.log;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param origin      the log this service copies: checkpoints naming another origin are refused
 * @param verifierKey the city's verifier key; empty: the key of the first checkpoint received (trust on first use)
 */
@ConfigurationProperties("civic.log")
public record LogSettings(String origin, String verifierKey) {
}
