package org.civicledger.command.publish;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.civicledger.command.ledger.EventPositions;
import org.springframework.stereotype.Component;

/**
 * {@code civic.publisher.lag}: events in the store not yet published to Kafka (the store's head minus the publisher's
 * position, as its tracking processor reports it: read, never claimed). Grows while the broker is away, falls to 0
 * once it is back.
 */
@Component
class PublisherLag {

    private final EventProcessingConfiguration processing;
    private final EventPositions positions;

    PublisherLag(EventProcessingConfiguration processing, EventPositions positions, MeterRegistry meters) {
        this.processing = processing;
        this.positions = positions;
        Gauge.builder("civic.publisher.lag", this::lag).description("events stored but not yet on the topic")
                .baseUnit("events").register(meters);
    }

    private double lag() {
        OptionalLong published = processing.eventProcessor(KafkaPublisher.GROUP, StreamingEventProcessor.class)
                .flatMap(p -> p.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).min(Long::compare)
                        .map(OptionalLong::of))
                .orElse(OptionalLong.empty());
        long head = positions.head();
        return published.isPresent() ? Math.max(0, head - published.getAsLong()) : head;
    }
}
