package org.civicledger.command.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonMerge;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.civicledger.command.file.Files;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.ledger.SnapshotState;
import org.civicledger.command.meeting.MeetingCommands.AddAgendaItem;
import org.civicledger.command.meeting.MeetingCommands.PublishAgenda;
import org.civicledger.command.meeting.MeetingCommands.RemoveAgendaItem;
import org.civicledger.command.meeting.MeetingCommands.ReorderAgenda;
import org.civicledger.events.meeting.AgendaItemAdded;
import org.civicledger.events.meeting.AgendaItemRemoved;
import org.civicledger.events.meeting.AgendaPublished;
import org.civicledger.events.meeting.AgendaReordered;

/**
 * A meeting's draft agenda and what has been published of it: the rules of adding, ordering and publishing. An entity
 * of the {@link Meeting}, which lets an {@link MeetingCommands.AgendaChange} through only while the agenda is open.
 */
@SnapshotState
final class Agenda {

    record Item(String itemId, String fileId, String title, boolean consent) {
    }

    @JsonMerge
    private final Map<String, Item> draft = new LinkedHashMap<>();
    private List<Item> lastPublished = List.of();
    private int version;

    @CommandHandler
    void handle(AddAgendaItem command, Files files) {
        requireCanAdd(command.fileId(), command.title(), files);
        apply(new AgendaItemAdded(command.meetingId(), command.itemId(), command.fileId(), command.title(),
                command.consent(), command.occurredAt()));
    }

    @CommandHandler
    void handle(RemoveAgendaItem command) {
        requireItem(command.itemId());
        apply(new AgendaItemRemoved(command.meetingId(), command.itemId(), command.occurredAt()));
    }

    @CommandHandler
    void handle(ReorderAgenda command) {
        requireSameItems(command.itemIds());
        apply(new AgendaReordered(command.meetingId(), command.itemIds(), command.occurredAt()));
    }

    /** Answers the version number just published. */
    @CommandHandler
    int handle(PublishAgenda command) {
        int next = version + 1;
        apply(new AgendaPublished(command.meetingId(), next, nextVersionItems(), command.occurredAt()));
        return next;
    }

    private void requireCanAdd(String fileId, String title, Files files) {
        if (fileId == null && title == null) {
            throw RuleViolation.unprocessable("agenda-item-needs-file-or-title",
                    "An agenda item names a legislative file, a title, or both.");
        }
        if (fileId != null && !files.exists(fileId)) {
            throw RuleViolation.unprocessable("file-not-registered", "There is no legislative file '" + fileId + "'.");
        }
        if (fileId != null && draft.values().stream().anyMatch(i -> fileId.equals(i.fileId()))) {
            throw RuleViolation.conflict("file-already-on-agenda", "That file is already an item on this agenda.");
        }
    }

    void requireItem(String itemId) {
        if (!draft.containsKey(itemId)) {
            throw RuleViolation.notFound("agenda-item-not-found", "This agenda has no item '" + itemId + "'.");
        }
    }

    String fileOf(String itemId) {
        requireItem(itemId);
        return draft.get(itemId).fileId();
    }

    private void requireSameItems(List<String> order) {
        if (order.size() != draft.size() || !new HashSet<>(order).equals(draft.keySet())) {
            throw RuleViolation.unprocessable("agenda-order-mismatch",
                    "A new order must list every item of the draft agenda exactly once: " + draft.keySet() + ".");
        }
    }

    /** The numbered items of the next version; refused when there is nothing new to publish. */
    private List<AgendaPublished.Item> nextVersionItems() {
        if (draft.isEmpty()) {
            throw RuleViolation.unprocessable("agenda-empty", "An agenda needs at least one item to be published.");
        }
        if (lastPublished.equals(List.copyOf(draft.values()))) {
            throw RuleViolation.conflict("agenda-unchanged",
                    "Version " + version + " already shows this agenda; change it before publishing again.");
        }
        List<AgendaPublished.Item> items = new ArrayList<>();
        for (Item item : draft.values()) {
            items.add(new AgendaPublished.Item(items.size() + 1, item.itemId(), item.fileId(), item.title(),
                    item.consent()));
        }
        return items;
    }

    @EventSourcingHandler
    void on(AgendaItemAdded event) {
        draft.put(event.itemId(), new Item(event.itemId(), event.fileId(), event.title(), event.consent()));
    }

    @EventSourcingHandler
    void on(AgendaItemRemoved event) {
        draft.remove(event.itemId());
    }

    @EventSourcingHandler
    void on(AgendaReordered event) {
        Map<String, Item> copy = new LinkedHashMap<>(draft);
        draft.clear();
        event.itemIds().forEach(id -> draft.put(id, Objects.requireNonNull(copy.get(id))));
    }

    @EventSourcingHandler
    void on(AgendaPublished event) {
        version = event.version();
        lastPublished = List.copyOf(draft.values());
    }
}
