package org.civicledger.command.publish;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.stereotype.Component;

/**
 * Creates a topic (the events, the checkpoints) the first time it is needed, not at start-up: the command side must
 * start and take commands while the broker is away.
 */
@Component
public class TopicProvisioner {

    private final KafkaSettings settings;
    private final Set<String> existing = ConcurrentHashMap.newKeySet();

    TopicProvisioner(KafkaSettings settings) {
        this.settings = settings;
    }

    public void ensureExists(String name) throws InterruptedException, ExecutionException, TimeoutException {
        if (existing.contains(name)) {
            return;
        }
        long timeout = settings.sendTimeout().toMillis();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout))) {
            // Kept forever and never compacted: a new query side rebuilds its read models from the whole topic.
            // With acks=all, an acknowledged event is on min.insync.replicas brokers: 2 of 3 survives a lost broker.
            NewTopic topic = new NewTopic(name, settings.partitions(), settings.replicationFactor())
                    .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1", "cleanup.policy", "delete",
                            "min.insync.replicas", Integer.toString(minInsyncReplicas(settings.replicationFactor()))));
            admin.createTopics(List.of(topic)).all().get(timeout, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        existing.add(name);
    }

    /** One broker may be lost without refusing writes: 1 for one or two replicas, 2 for three or more. */
    static int minInsyncReplicas(int replicationFactor) {
        return Math.max(1, Math.min(2, replicationFactor - 1));
    }
}
