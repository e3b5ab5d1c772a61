package org.civicledger.query.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicledger.query.deadletter.DisplayText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Records of a topic that are not what the topic carries: kept for a person to look at, never silently dropped. */
@Component
public class RejectedRecords {

    private static final Logger log = LoggerFactory.getLogger(RejectedRecords.class);

    private final JdbcTemplate jdbc;

    RejectedRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void reject(ConsumerRecord<String, byte[]> record, String reason) {
        log.warn("rejected record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        jdbc.update("""
                INSERT INTO rejected_record (topic, partition, record_offset, reason, value) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", record.topic(), record.partition(), record.offset(), DisplayText.of(reason),
                record.value());
    }
}
