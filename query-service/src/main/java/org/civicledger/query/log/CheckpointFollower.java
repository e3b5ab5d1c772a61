package org.civicledger.query.log;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.civicledger.query.stream.RejectedRecords;
import org.civicledger.query.stream.StoredOffsetReader;
import org.civicledger.query.stream.StreamSettings;
import org.civicledger.tlog.VerificationException;
import org.civicledger.tlog.note.Checkpoint;
import org.civicledger.tlog.note.NoteVerifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the checkpoints topic: each record is a signed note, with headers naming the position of its last leaf and
 * the key that signed it. Only the {@link TrustedKey} is accepted. A checkpoint whose signature, origin or
 * headers do not check is kept as a rejected record;
 * a good one waits in {@code log_checkpoint_received} until {@link LogCopy} has the events it covers.
 */
@Component
class CheckpointFollower implements SmartLifecycle, StoredOffsetReader.Handler {

    static final String LAST_POSITION = "civic-log-last-position";
    static final String VERIFIER_KEY = "civic-log-verifier-key";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RejectedRecords rejected;
    private final LogCopy copy;
    private final LogSettings settings;
    private final TrustedKey trustedKey;
    private final StoredOffsetReader reader;

    CheckpointFollower(JdbcTemplate jdbc, PlatformTransactionManager transactions, RejectedRecords rejected,
                       LogCopy copy, LogSettings settings, TrustedKey trustedKey, StreamSettings stream) {
        this.trustedKey = trustedKey;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.rejected = rejected;
        this.copy = copy;
        this.settings = settings;
        this.reader = new StoredOffsetReader(stream.checkpointTopic(), stream, jdbc, this);
    }

    @Override
    public void apply(ConsumerRecords<String, byte[]> records) {
        transaction.executeWithoutResult(status -> {
            for (ConsumerRecord<String, byte[]> record : records) {
                receive(record);
            }
            StoredOffsetReader.storeOffsets(jdbc, records);
        });
    }

    @Override
    public void afterPoll(Consumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        copy.catchUp();
    }

    private void receive(ConsumerRecord<String, byte[]> record) {
        String note = new String(record.value() == null ? new byte[0] : record.value(), StandardCharsets.UTF_8);
        String keyText = trustedKey.current().orElse(header(record, VERIFIER_KEY));
        Checkpoint checkpoint;
        long lastPosition;
        try {
            if (keyText == null) {
                throw new VerificationException("no " + VERIFIER_KEY + " header and no verifier key configured");
            }
            checkpoint = Checkpoint.open(note, NoteVerifier.parse(keyText), settings.origin());
            lastPosition = lastPosition(record, checkpoint);
        } catch (VerificationException | IllegalArgumentException e) {
            rejected.reject(record, "not a checkpoint of " + settings.origin() + ": " + e.getMessage());
            return;
        }
        Optional<String> conflict = copy.conflictWith(checkpoint.size(), checkpoint.root());
        if (conflict.isPresent()) {
            rejected.reject(record, conflict.get());
            copy.forked(conflict.get());
            return;
        }
        trustedKey.trustIfFirst(NoteVerifier.parse(keyText).keyText());
        jdbc.update("""
                INSERT INTO log_checkpoint_received (size, root, note, last_position, verifier_key)
                SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM log_checkpoint WHERE size = ?)
                ON CONFLICT (size) DO NOTHING""", checkpoint.size(), checkpoint.root(), note, lastPosition,
                NoteVerifier.parse(keyText).keyText(), checkpoint.size());
    }

    private static long lastPosition(ConsumerRecord<String, byte[]> record, Checkpoint checkpoint) {
        String value = header(record, LAST_POSITION);
        if (value == null || !value.matches("0|[1-9][0-9]{0,18}")) {
            throw new VerificationException("the " + LAST_POSITION + " header is missing or not a position");
        }
        long position = Long.parseLong(value);
        if ((checkpoint.size() == 0) != (position == 0)) {
            throw new VerificationException("position " + position + " cannot end a tree of size " + checkpoint.size());
        }
        return position;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void start() {
        reader.start("checkpoint-follower");
    }

    @Override
    public void stop() {
        reader.stop();
    }

    @Override
    public boolean isRunning() {
        return reader.isRunning();
    }
}
