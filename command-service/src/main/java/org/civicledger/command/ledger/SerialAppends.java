package org.civicledger.command.ledger;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes global positions commit in order. PostgreSQL hands out identity values at insert time, so two concurrent
 * commands can commit positions 152 before 151; the publisher would then send 152 first and a reader that has seen
 * 152 could wrongly believe 151 is visible too. A transaction-scoped advisory lock, taken just before the events are
 * inserted and released at commit, serialises the short insert-and-commit step (not the command handling).
 */
@Component
public class SerialAppends implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Arbitrary, fixed: the one lock key of the event store. */
    private static final long APPEND_LOCK = 0x63697669634cL;

    private final JdbcTemplate jdbc;

    public SerialAppends(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        // Registered before the handler runs, so it precedes the event bus's own prepare-commit step (the insert).
        unitOfWork.onPrepareCommit(u -> jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, APPEND_LOCK));
        return chain.proceed();
    }
}
