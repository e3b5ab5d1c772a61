package org.civicledger.command.ledger;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Remembers the id of the last event a command applied, so the REST answer can name that event's global position
 * (read-your-writes). Axon intercepts a unit of work's events only when it prepares to commit, after the handler has
 * returned; so the handler's result is wrapped with a slot that a prepare-commit step, registered behind the event
 * bus's own, fills in. The caller reads it once the command has committed.
 */
@Component
public class LastEventCapture implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String LAST_EVENT_ID = LastEventCapture.class.getName() + ".lastEventId";

    public LastEventCapture(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(new EventIdRecorder());
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        AtomicReference<String> lastEventId = new AtomicReference<>();
        unitOfWork.onPrepareCommit(u -> lastEventId.set(u.root().getResource(LAST_EVENT_ID)));
        return new Recorded(result, lastEventId);
    }

    /** What a command handler returned, and the id of the last event it applied (filled in at commit). */
    public record Recorded(Object result, AtomicReference<String> lastEventId) {
    }

    private static final class EventIdRecorder implements MessageDispatchInterceptor<EventMessage<?>> {

        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
            return (index, event) -> {
                CurrentUnitOfWork.ifStarted(uow -> uow.root().resources().put(LAST_EVENT_ID, event.getIdentifier()));
                return event;
            };
        }
    }
}
