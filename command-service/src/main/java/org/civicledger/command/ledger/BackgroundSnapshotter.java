package org.civicledger.command.ledger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Axon's aggregate snapshotter on a thread of its own: a snapshot is scheduled after the command's commit and
 * written later, so no command waits for one. The queue holds at most one task per aggregate (Axon skips a snapshot
 * already in progress). Each aggregate's factory comes from Axon's configuration, where the repositories get theirs;
 * Spring's snapshotter would look for factory beans, which Axon's Spring Boot set-up does not register.
 */
class BackgroundSnapshotter extends AggregateSnapshotter implements DisposableBean {

    private final ExecutorService executor;
    private final ObjectProvider<Configuration> axon;

    private BackgroundSnapshotter(Builder builder, ExecutorService executor, ObjectProvider<Configuration> axon) {
        super(builder.executor(executor));
        this.executor = executor;
        this.axon = axon;
    }

    static BackgroundSnapshotter create(Builder builder, ObjectProvider<Configuration> axon) {
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "snapshotter");
            thread.setDaemon(true);
            return thread;
        });
        return new BackgroundSnapshotter(builder, executor, axon);
    }

    @Override
    protected AggregateFactory<?> getAggregateFactory(Class<?> aggregateType) {
        return axon.getObject().aggregateFactory(aggregateType);
    }

    /** A snapshot not yet written is only a lost shortcut: the next one comes after the next threshold of events. */
    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
