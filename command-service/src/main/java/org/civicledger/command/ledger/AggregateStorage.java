package org.civicledger.command.ledger;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import java.net.URI;
import java.util.OptionalLong;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;

/**
 * What keeps a command's cost independent of its aggregate's history: the aggregates most recently used stay in
 * memory (Axon's caching repository over a bounded Caffeine cache, one per aggregate type, so ids of different types
 * never meet), and every {@code civic.snapshots.threshold} events an aggregate gets a snapshot, so loading one that
 * is not in memory replays at most that many events. A command that fails drops its aggregate from the cache (Axon
 * does so on rollback), so no half-applied state is ever served. The cache assumes this instance is the aggregates'
 * only writer: the command side runs as one instance (see README); an event appended by another writer makes the
 * next command on a cached copy collide on the sequence number and be refused, after which it is read afresh.
 */
@org.springframework.context.annotation.Configuration
public class AggregateStorage {

    public static final String FILE_CACHE = "legislativeFileCache";
    public static final String MEETING_CACHE = "meetingCache";
    public static final String BODY_CACHE = "bodyCache";
    public static final String SNAPSHOT_TRIGGER = "snapshotTrigger";

    /** A manager of its own per application context: tests run several contexts in one JVM. */
    @Bean(destroyMethod = "close")
    CacheManager aggregateCacheManager() {
        return Caching.getCachingProvider(CaffeineCachingProvider.class.getName())
                .getCacheManager(URI.create("civic-ledger:aggregates:" + UUID.randomUUID()),
                        AggregateStorage.class.getClassLoader());
    }

    @Bean(FILE_CACHE)
    Cache legislativeFileCache(CacheManager manager, AggregateCacheSettings settings) {
        return cache(manager, "legislative-files", settings);
    }

    @Bean(MEETING_CACHE)
    Cache meetingCache(CacheManager manager, AggregateCacheSettings settings) {
        return cache(manager, "meetings", settings);
    }

    @Bean(BODY_CACHE)
    Cache bodyCache(CacheManager manager, AggregateCacheSettings settings) {
        return cache(manager, "bodies", settings);
    }

    private static Cache cache(CacheManager manager, String name, AggregateCacheSettings settings) {
        if (!settings.enabled()) {
            return NoCache.INSTANCE;
        }
        CaffeineConfiguration<Object, Object> config = new CaffeineConfiguration<>();
        config.setMaximumSize(OptionalLong.of(settings.maxEntries()));
        config.setExpireAfterAccess(OptionalLong.of(settings.expireAfterAccess().toNanos()));
        // By reference: the repository works on the cached instance itself, and drops it if the command fails.
        config.setStoreByValue(false);
        return new JCacheAdapter(manager.createCache(name, config));
    }

    @Bean
    AggregateSnapshotter aggregateSnapshotter(EventStore eventStore, TransactionManager transactionManager,
                                              ParameterResolverFactory parameterResolverFactory,
                                              HandlerDefinition handlerDefinition, ObjectProvider<Configuration> axon) {
        return BackgroundSnapshotter.create(AggregateSnapshotter.builder()
                .eventStore(eventStore)
                .transactionManager(transactionManager)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition), axon);
    }

    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition snapshotTrigger(AggregateSnapshotter snapshotter, SnapshotSettings settings) {
        return settings.enabled()
                ? new EventCountSnapshotTriggerDefinition(snapshotter, settings.threshold())
                : NoSnapshotTriggerDefinition.INSTANCE;
    }
}
