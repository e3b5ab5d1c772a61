package org.civicledger.query.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civicledger.events.CivicEvent;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.EventJson;
import org.civicledger.events.file.AmendmentAdopted;
import org.civicledger.events.file.AmendmentProposed;
import org.civicledger.events.file.AmendmentRejected;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.CosponsorWithdrawn;
import org.civicledger.events.file.FileActedOn;
import org.civicledger.events.file.FileActionCorrected;
import org.civicledger.events.file.FileReopened;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileReferred;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.PersonRegistered;
import org.civicledger.events.roster.QuorumRuleSet;
import org.civicledger.events.roster.SeatAssigned;
import org.civicledger.events.roster.VoteThresholdSet;
import org.civicledger.tlog.TreeBuilder;
import org.civicledger.tlog.note.Checkpoint;
import org.civicledger.tlog.note.NoteSigner;

/** Publishes events as the command side does: enveloped, keyed by aggregate, with positions and sequences. */
final class Topic {

    static final String NAME = "civic-ledger.events";
    static final String CHECKPOINTS = "civic-ledger.checkpoints";

    private final String bootstrapServers;
    private final String name;
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<CivicEvent, String> ids = new IdentityHashMap<>();
    private final Map<Long, byte[]> published = new HashMap<>();
    private long position;

    Topic(String bootstrapServers) {
        this(bootstrapServers, NAME);
    }

    /** A topic of its own, with positions counted from 1 again. */
    Topic(String bootstrapServers, String name) {
        this.bootstrapServers = bootstrapServers;
        this.name = name;
    }

    /** Answers the position of the last event, for {@code minPosition}. */
    long publish(CivicEvent... events) throws Exception {
        return publishAs("clerk", events);
    }

    /** As {@link #publish}, recorded by {@code clerk}. */
    synchronized long publishAs(String clerk, CivicEvent... events) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            for (CivicEvent event : events) {
                EventEnvelope envelope = envelope(event, clerk);
                byte[] bytes = EventJson.mapper().writeValueAsBytes(envelope);
                published.put(envelope.position(), bytes);
                producer.send(new ProducerRecord<>(name, envelope.aggregateId(), bytes)).get();
            }
        }
        return position;
    }

    /**
     * Signs, as the command side's log would, the tree of every event published so far (positions 1 to the last,
     * leaf n at position n + 1) with {@code signer}, and publishes it to the checkpoints topic with its headers.
     * Answers the signed note. {@code root} replaces the true root when a test needs a checkpoint the events do not
     * reproduce.
     */
    synchronized String publishCheckpoint(NoteSigner signer, byte[] root) throws Exception {
        TreeBuilder tree = new TreeBuilder();
        for (long p = 1; p <= position; p++) {
            tree.addLeaf(published.get(p));
        }
        String note = new Checkpoint(signer.name(), tree.size(), root == null ? tree.root() : root).sign(signer);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(CHECKPOINTS, signer.name(),
                note.getBytes(StandardCharsets.UTF_8));
        record.headers().add("civic-log-last-position", Long.toString(position).getBytes(StandardCharsets.UTF_8))
                .add("civic-log-verifier-key", signer.verifier().keyText().getBytes(StandardCharsets.UTF_8));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }
        return note;
    }

    /** A producer kept open, for publishing many events one at a time (the benchmark times each ack). */
    KafkaProducer<String, byte[]> openProducer() {
        return new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes one event on {@code producer} and waits for the broker's ack; answers its position. */
    synchronized long publishOn(KafkaProducer<String, byte[]> producer, CivicEvent event) throws Exception {
        EventEnvelope envelope = envelope(event, "clerk");
        byte[] bytes = EventJson.mapper().writeValueAsBytes(envelope);
        published.put(envelope.position(), bytes);
        producer.send(new ProducerRecord<>(name, envelope.aggregateId(), bytes)).get();
        return envelope.position();
    }

    /** Publishes every event on {@code producer} without waiting for each ack; answers the last position. */
    synchronized long publishAll(KafkaProducer<String, byte[]> producer, List<? extends CivicEvent> events)
            throws Exception {
        for (CivicEvent event : events) {
            EventEnvelope envelope = envelope(event, "clerk");
            producer.send(new ProducerRecord<>(name, envelope.aggregateId(),
                    EventJson.mapper().writeValueAsBytes(envelope)));
        }
        producer.flush();
        return position;
    }

    /** The exact bytes published at {@code position}. */
    synchronized byte[] bytesAt(long position) {
        return published.get(position);
    }

    /** The event id a published event was given, for events that name another (a correction names the vote). */
    synchronized String idOf(CivicEvent event) {
        return ids.get(event);
    }

    private EventEnvelope envelope(CivicEvent event, String clerk) {
        List<String> aggregate = aggregateOf(event);
        long sequence = sequences.merge(aggregate.get(1), 1L, Long::sum) - 1;
        String id = UUID.randomUUID().toString();
        ids.put(event, id);
        return EventEnvelope.of(id, event.getClass().getSimpleName(), aggregate.get(0), aggregate.get(1), sequence,
                ++position, event.occurredAt(), Instant.now(), clerk, "1", EventJson.mapper().valueToTree(event));
    }

    /**
     * [aggregate type, aggregate id]. Motions, votes and vote corrections belong to the meeting; what a vote did to a
     * file (FileActedOn, FileActionCorrected, an amendment adopted or rejected) belongs to the file, though it names a
     * meeting too. Other meeting events name their meeting first.
     */
    private static List<String> aggregateOf(CivicEvent event) {
        if (event instanceof PersonRegistered e) {
            return List.of("Person", "person:" + e.personId());
        } else if (event instanceof BodyCreated e) {
            return List.of("Body", "body:" + e.bodyId());
        } else if (event instanceof SeatAssigned e) {
            return List.of("Body", "body:" + e.bodyId());
        } else if (event instanceof QuorumRuleSet e) {
            return List.of("Body", "body:" + e.bodyId());
        } else if (event instanceof VoteThresholdSet e) {
            return List.of("Body", "body:" + e.bodyId());
        } else if (event instanceof FileIntroduced e) {
            return List.of("LegislativeFile", e.fileId());
        } else if (event instanceof FileReferred e) {
            return List.of("LegislativeFile", e.fileId());
        } else if (event instanceof CosponsorAdded e) {
            return List.of("LegislativeFile", e.fileId());
        } else if (event instanceof CosponsorWithdrawn e) {
            return List.of("LegislativeFile", e.fileId());
        } else if (event instanceof FileActedOn e) {
            return List.of("LegislativeFile", e.fileId());
        } else if (event instanceof FileActionCorrected e) {
            return List.of("LegislativeFile", e.fileId());
        } else if (event instanceof FileReopened e) {
            return List.of("LegislativeFile", e.fileId());
        } else if (event instanceof AmendmentProposed e) {
            return List.of("LegislativeFile", e.fileId());
        } else if (event instanceof AmendmentAdopted e) {
            return List.of("LegislativeFile", e.fileId());
        } else if (event instanceof AmendmentRejected e) {
            return List.of("LegislativeFile", e.fileId());
        } else if (event instanceof MotionMade e) {
            return List.of("Meeting", e.meetingId());
        } else if (event instanceof VoteRecorded e) {
            return List.of("Meeting", e.meetingId());
        } else if (event instanceof VoteCorrected e) {
            return List.of("Meeting", e.meetingId());
        }
        String meetingId = EventJson.mapper().valueToTree(event).get("meetingId").asText();
        return List.of("Meeting", meetingId);
    }
}
