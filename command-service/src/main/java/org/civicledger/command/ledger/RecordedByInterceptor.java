package org.civicledger.command.ledger;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Stamps every command with the authenticated clerk; nothing in a request body can set it. */
@Component
public class RecordedByInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String RECORDED_BY = "recordedBy";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(Map.of(RECORDED_BY, currentClerk()));
    }

    private static String currentClerk() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new IllegalStateException("commands are only sent on behalf of an authenticated clerk");
        }
        return auth.getName();
    }
}
