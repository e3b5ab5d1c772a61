package org.civicledger.command.it;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.civicledger.command.ledger.RuleViolation;

/**
 * One aggregate loaded from the real store in two ways: as the repository loads it (its latest snapshot, then the
 * later events) and replayed from its first event. Commands are handled in memory, in a unit of work that is rolled
 * back, with the application's own parameter resolvers (roster, files): what each copy would decide.
 */
final class Replays {

    private final EventStore store;
    private final ParameterResolverFactory resolvers;
    private final HandlerDefinition handlers;

    Replays(EventStore store, ParameterResolverFactory resolvers, HandlerDefinition handlers) {
        this.store = store;
        this.resolvers = resolvers;
        this.handlers = handlers;
    }

    <T> Loaded<T> fromSnapshot(Class<T> type, String id) {
        return load(type, id, store.readEvents(id));
    }

    <T> Loaded<T> fromFirstEvent(Class<T> type, String id) {
        return load(type, id, store.readEvents(id, 0));
    }

    private <T> Loaded<T> load(Class<T> type, String id, DomainEventStream events) {
        AggregateModel<T> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type, resolvers, handlers);
        long firstSequence = events.peek().getSequenceNumber();
        boolean snapshot = type.isInstance(events.peek().getPayload());
        T root = new GenericAggregateFactory<>(model).createAggregateRoot(id, events.peek());
        Recorder recorder = new Recorder();
        EventSourcedAggregate<T> aggregate =
                EventSourcedAggregate.initialize(root, model, recorder, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(events);
        return new Loaded<>(aggregate, snapshot, firstSequence, recorder);
    }

    /** What a command decided: the rule that refused it, or the events it applied. */
    record Outcome(String refusedBy, List<Object> events) {
    }

    record Loaded<T>(EventSourcedAggregate<T> aggregate, boolean fromSnapshot, long firstSequence,
                     Recorder recorder) {

        T root() {
            return aggregate.getAggregateRoot();
        }

        Outcome handle(Object command) {
            var message = GenericCommandMessage.asCommandMessage(command);
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(message);
            recorder.applied.clear();
            try {
                aggregate.handle(message);
                return new Outcome(null, List.copyOf(recorder.applied));
            } catch (RuleViolation refused) {
                return new Outcome(refused.rule(), List.of());
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                unitOfWork.rollback();
            }
        }
    }

    /** Keeps the payloads an aggregate applies instead of publishing them. */
    static final class Recorder extends SimpleEventBus {

        private final List<Object> applied = new ArrayList<>();

        Recorder() {
            super(SimpleEventBus.builder());
        }

        @Override
        public void publish(List<? extends EventMessage<?>> events) {
            events.forEach(e -> applied.add(e.getPayload()));
        }
    }
}
