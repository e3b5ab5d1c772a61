package org.civicledger.command.ledger;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.civicledger.events.StorableText;
import org.springframework.stereotype.Component;

/**
 * The last door before the event store: every text anywhere in a command (record components, list elements, map
 * keys and values, nested records) must be {@link StorableText storable}. The web layer refuses bad text earlier
 * with the request's own field names; this guard holds whatever path a command takes.
 */
@Component
public class TextGuard implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            check(command.getPayload());
            return command;
        };
    }

    /** Throws {@code invalid-text} naming the first field (e.g. {@code present[2]}) whose text cannot be stored. */
    public static void check(Object command) {
        inspect(command, "");
    }

    private static void inspect(Object value, String path) {
        if (value instanceof CharSequence text) {
            String problem = StorableText.problem(text);
            if (problem != null) {
                throw RuleViolation.badField(StorableText.RULE, path,
                        "Field '" + path + "' contains text that cannot be recorded: " + problem + ".");
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                inspect(read(component, record), path.isEmpty() ? component.getName() : path + "." + component.getName());
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                inspect(item, path + "[" + i++ + "]");
            }
        } else if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> {
                inspect(key, path + " (key)");
                inspect(item, path + "[" + key + "]");
            });
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component + " of a command", e);
        }
    }
}
