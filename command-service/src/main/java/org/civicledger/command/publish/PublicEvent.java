package org.civicledger.command.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Revision;
import org.civicledger.command.ledger.RecordedByInterceptor;
import org.civicledger.events.CivicEvent;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.EventJson;
import org.civicledger.events.EventTypes;

/**
 * An event in its public form: the CloudEvents envelope and exactly the bytes sent to Kafka, which are also the
 * event's leaf in the transparency log. The one place both are built, so the topic and the log cannot disagree.
 */
public record PublicEvent(EventEnvelope envelope, byte[] bytes) {

    public static PublicEvent of(DomainEventMessage<?> message, long position) {
        if (!(message.getPayload() instanceof CivicEvent event)) {
            throw new IllegalArgumentException("not a civic-ledger event: " + message.getPayloadType().getName());
        }
        Revision revision = event.getClass().getAnnotation(Revision.class);
        Instant recordedAt = message.getTimestamp();
        EventEnvelope envelope = EventEnvelope.of(message.getIdentifier(), EventTypes.nameOf(event.getClass()),
                message.getType(), message.getAggregateIdentifier(), message.getSequenceNumber(), position,
                event.occurredAt(), recordedAt,
                String.valueOf(message.getMetaData().get(RecordedByInterceptor.RECORDED_BY)),
                revision == null ? null : revision.value(), EventJson.mapper().valueToTree(event));
        try {
            return new PublicEvent(envelope, EventJson.mapper().writeValueAsBytes(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an envelope always serialises", e);
        }
    }
}
