package org.civicledger.command.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Remembers the ids of the events a command appended, so the REST answer can name their global positions
 * (read-your-writes). Axon intercepts a unit of work's events only when it prepares to commit, after the handler has
 * returned; so the handler's result is wrapped with a slot that a prepare-commit step, registered behind the event
 * bus's own, fills in. The caller reads it once the command has committed.
 */
@Component
public class LastEventCapture implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String APPENDED = LastEventCapture.class.getName() + ".appended";

    public LastEventCapture(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(new EventIdRecorder());
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        AtomicReference<Appended> appended = new AtomicReference<>();
        unitOfWork.onPrepareCommit(u -> appended.set(u.root().getResource(APPENDED)));
        return new Recorded(result, appended);
    }

    /** The event ids a command appended, in order: the last one, and the last of each event type. */
    public record Appended(Map<String, String> idsByType, String lastId) {
    }

    /** What a command handler returned, and what it appended (filled in at commit; null if nothing). */
    public record Recorded(Object result, AtomicReference<Appended> appended) {
    }

    private static final class EventIdRecorder implements MessageDispatchInterceptor<EventMessage<?>> {

        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
            return (index, event) -> {
                CurrentUnitOfWork.ifStarted(uow -> {
                    Map<String, String> ids = new LinkedHashMap<>();
                    Appended before = uow.root().getResource(APPENDED);
                    if (before != null) {
                        ids.putAll(before.idsByType());
                    }
                    ids.put(event.getPayloadType().getSimpleName(), event.getIdentifier());
                    uow.root().resources().put(APPENDED, new Appended(Map.copyOf(ids), event.getIdentifier()));
                });
                return event;
            };
        }
    }
}
