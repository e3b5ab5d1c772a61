package org.civicledger.query.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxSubscribers open streams at once; past it a new one is answered 503
 * @param bufferSize     events waiting for one live subscriber; a client that falls this far behind is dropped (it
 *                       resumes with Last-Event-ID)
 * @param heartbeat      how often an idle stream gets a comment line, so proxies keep it open and dead clients show
 * @param maxDuration    a stream is closed after this long; the client reconnects with Last-Event-ID
 * @param writers        threads writing to all subscribers (no thread per subscriber)
 * @param replayPage     events read from event_log per query while a subscriber catches up
 */
@ConfigurationProperties("civic.stream")
public record LiveSettings(int maxSubscribers, int bufferSize, Duration heartbeat, Duration maxDuration, int writers,
                           int replayPage) {
}
