package org.civicledger.command.log;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.civicledger.command.ledger.EventPositions;
import org.civicledger.command.ledger.TrackedPositions;
import org.civicledger.command.publish.PublicEvent;
import org.civicledger.events.CivicEvent;
import org.springframework.stereotype.Component;

/**
 * The log's one writer: a tracking processor with one segment, so leaves follow the store's order. Each leaf and
 * its hashes are written in the processor's transaction, with its token: after a crash neither or both are there.
 * A batch's leaves and hashes go to the database together when it commits ({@link TransparencyLog#append}).
 */
@Component
@ProcessingGroup(LeafAppender.GROUP)
@DisallowReplay
class LeafAppender {

    static final String GROUP = "transparency-log";

    private final TransparencyLog log;
    private final TrackedPositions positions;

    LeafAppender(TransparencyLog log, EventPositions positions) {
        this.log = log;
        this.positions = new TrackedPositions(positions);
    }

    @EventHandler
    void on(CivicEvent event, DomainEventMessage<?> message, TrackingToken token) {
        long position = positions.of(message, token);
        log.append(message.getIdentifier(), position, PublicEvent.of(message, position).bytes());
    }
}
