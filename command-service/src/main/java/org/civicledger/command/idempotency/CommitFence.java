package org.civicledger.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.civicledger.command.ledger.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Marks the request's claim as committed inside each command's own transaction (commands run on the request's
 * thread). So the mark exists exactly when the events do: a claim without it never recorded anything, and may be
 * released or taken over. The update is fenced by the claim's token: a request whose stale claim was taken over by
 * its retry cannot commit any more, so the action is never recorded twice.
 */
@Component
public class CommitFence implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ThreadLocal<Claim> current = new ThreadLocal<>();
    private final IdempotencyStore store;

    CommitFence(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Claim claim = current.get();
        if (claim != null) {
            unitOfWork.onPrepareCommit(u -> {
                if (!store.markCommitted(claim)) {
                    throw RuleViolation.conflict("idempotency-key-in-flight",
                            "Another request with this Idempotency-Key took over; this one recorded nothing.");
                }
            });
        }
        return chain.proceed();
    }

    void hold(Claim claim) {
        current.set(claim);
    }

    void drop() {
        current.remove();
    }
}
