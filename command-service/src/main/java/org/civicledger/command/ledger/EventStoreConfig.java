package org.civicledger.command.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.civicledger.events.EventJson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The event store: Axon's JDBC engine on PostgreSQL, tables owned by Flyway (db/migration), names in snake_case so
 * the record reads plainly in SQL. Payloads, metadata and tokens are JSON in the same form the Kafka envelope uses.
 */
@Configuration
public class EventStoreConfig {

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * An event at a sequence number already taken (another writer appended first) is a conflict, answered 409
     * concurrent-change; Axon's JDBC default only recognises SQLIntegrityConstraintViolationException, which the
     * PostgreSQL driver never throws, so the conflict surfaced as a store failure (503). 23505: unique_violation.
     */
    @Bean
    public PersistenceExceptionResolver uniqueViolationIsAConflict() {
        return new SQLStateResolver("23505");
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return jackson();
    }

    private static Serializer jackson() {
        ObjectMapper mapper = EventJson.mapper().copy();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /** Who recorded an action travels from the command's metadata onto every event it causes. */
    @Bean
    public CorrelationDataProvider recordedByProvider() {
        return new SimpleCorrelationDataProvider(RecordedByInterceptor.RECORDED_BY);
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /**
     * A failing event handler must never be skipped: the lookup tables run in the command's transaction (so the
     * command fails) and the Kafka publisher must retry, not drop, an event it could not send.
     */
    @Bean
    public ConfigurerModule propagateHandlerErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
