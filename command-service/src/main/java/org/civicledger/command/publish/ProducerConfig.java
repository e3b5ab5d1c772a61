package org.civicledger.command.publish;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.MAX_BLOCK_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG;

@Configuration
class ProducerConfig {

    /**
     * Idempotent and fully acknowledged; timeouts short enough that an outage surfaces and is retried. The publisher
     * flushes at the end of each batch, so lingering only gathers the batch's sends into few requests (with no linger
     * the first send goes alone and the broker spends its CPU per tiny request); a lone checkpoint waits at most that.
     */
    @Bean(destroyMethod = "close")
    Producer<String, byte[]> eventProducer(KafkaSettings settings) {
        int timeout = (int) settings.sendTimeout().toMillis();
        int linger = 5;
        return new KafkaProducer<>(Map.of(
                BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ACKS_CONFIG, "all",
                ENABLE_IDEMPOTENCE_CONFIG, true,
                LINGER_MS_CONFIG, linger,
                MAX_BLOCK_MS_CONFIG, timeout,
                REQUEST_TIMEOUT_MS_CONFIG, timeout,
                DELIVERY_TIMEOUT_MS_CONFIG, timeout + linger),
                new StringSerializer(), new ByteArraySerializer());
    }
}
