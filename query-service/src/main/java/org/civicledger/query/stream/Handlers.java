package org.civicledger.query.stream;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.events.CivicEvent;
import org.civicledger.events.EventEnvelope;
import org.springframework.aop.support.AopUtils;

/**
 * The routing table from event type to the projections' {@link Handles} methods, built once at start. Read models
 * first, then what is derived from them, each seeing the others' work on the same event.
 */
final class Handlers {

    private record Handler(Object projection, Method method, boolean withEnvelope) {
        void call(CivicEvent event, EventEnvelope envelope) {
            try {
                if (withEnvelope) {
                    method.invoke(projection, event, envelope);
                } else {
                    method.invoke(projection, event);
                }
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Map<Class<?>, List<Handler>> byType = new HashMap<>();

    Handlers(List<Projection> projections) {
        for (Projection projection : projections.stream()
                .sorted(Comparator.comparing(Projection::readsOtherReadModels)).toList()) {
            for (Method method : AopUtils.getTargetClass(projection).getDeclaredMethods()) {
                if (!method.isAnnotationPresent(Handles.class)) {
                    continue;
                }
                Class<?>[] parameters = method.getParameterTypes();
                boolean withEnvelope = parameters.length == 2 && parameters[1] == EventEnvelope.class;
                if (!(parameters.length == 1 || withEnvelope) || !CivicEvent.class.isAssignableFrom(parameters[0])) {
                    throw new IllegalStateException("@Handles method " + method
                            + " must take (an event) or (an event, EventEnvelope)");
                }
                method.setAccessible(true);
                byType.computeIfAbsent(parameters[0], t -> new ArrayList<>())
                        .add(new Handler(projection, method, withEnvelope));
            }
        }
    }

    void dispatch(CivicEvent event, EventEnvelope envelope) {
        for (Handler handler : byType.getOrDefault(event.getClass(), List.of())) {
            handler.call(event, envelope);
        }
    }

    /** The event types some projection handles, for tests and the README. */
    boolean handles(Class<? extends CivicEvent> type) {
        return byType.containsKey(type);
    }
}
