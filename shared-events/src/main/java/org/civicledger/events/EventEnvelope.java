package org.civicledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What travels on the Kafka topic: a CloudEvents 1.0 event in structured JSON mode. The ledger's own
 * attributes are CloudEvents extensions (lower-case names, as the spec requires).
 *
 * @param id          the event id, unique; consumers de-duplicate on it
 * @param source      {@code /civic-ledger/<aggregate type>}
 * @param type        the event's simple name, e.g. {@code FileIntroduced}
 * @param subject     the aggregate id, also the Kafka key
 * @param time        when it was recorded (same as {@code recordedAt})
 * @param sequence    the event's sequence number within its aggregate, from 0
 * @param position    the event's global position in the event store
 * @param occurredAt  when the council acted
 * @param recordedAt  when the clerk recorded it
 * @param recordedBy  the authenticated clerk who recorded it
 * @param revision    the payload's schema revision
 * @param data        the event record as JSON
 */
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype",
        "aggregatetype", "aggregateid", "sequence", "position", "occurredat", "recordedat", "recordedby",
        "revision", "data"})
public record EventEnvelope(
        @JsonProperty("specversion") String specVersion,
        @JsonProperty("id") String id,
        @JsonProperty("source") String source,
        @JsonProperty("type") String type,
        @JsonProperty("subject") String subject,
        @JsonProperty("time") Instant time,
        @JsonProperty("datacontenttype") String dataContentType,
        @JsonProperty("aggregatetype") String aggregateType,
        @JsonProperty("aggregateid") String aggregateId,
        @JsonProperty("sequence") long sequence,
        @JsonProperty("position") long position,
        @JsonProperty("occurredat") Instant occurredAt,
        @JsonProperty("recordedat") Instant recordedAt,
        @JsonProperty("recordedby") String recordedBy,
        @JsonProperty("revision") String revision,
        @JsonProperty("data") JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public static EventEnvelope of(String id, String type, String aggregateType, String aggregateId, long sequence,
                                   long position, Instant occurredAt, Instant recordedAt, String recordedBy,
                                   String revision, JsonNode data) {
        return new EventEnvelope(SPEC_VERSION, id, "/civic-ledger/" + aggregateType, type, aggregateId, recordedAt,
                "application/json", aggregateType, aggregateId, sequence, position, occurredAt, recordedAt,
                recordedBy, revision, data);
    }
}
