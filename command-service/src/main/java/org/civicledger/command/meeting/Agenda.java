package org.civicledger.command.meeting;

import com.fasterxml.jackson.annotation.JsonMerge;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.ledger.SnapshotState;
import org.civicledger.events.meeting.AgendaPublished;

/** A meeting's draft agenda and what has been published of it: the rules of adding, ordering and publishing. */
@SnapshotState
final class Agenda {

    record Item(String itemId, String fileId, String title, boolean consent) {
    }

    @JsonMerge
    private final Map<String, Item> draft = new LinkedHashMap<>();
    private List<Item> lastPublished = List.of();
    private int version;

    void requireCanAdd(String fileId) {
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

    void requireSameItems(List<String> order) {
        if (order.size() != draft.size() || !new HashSet<>(order).equals(draft.keySet())) {
            throw RuleViolation.unprocessable("agenda-order-mismatch",
                    "A new order must list every item of the draft agenda exactly once: " + draft.keySet() + ".");
        }
    }

    /** The numbered items of the next version; refused when there is nothing new to publish. */
    List<AgendaPublished.Item> nextVersionItems() {
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

    int nextVersion() {
        return version + 1;
    }

    void added(Item item) {
        draft.put(item.itemId(), item);
    }

    void removed(String itemId) {
        draft.remove(itemId);
    }

    void reordered(List<String> order) {
        Map<String, Item> copy = new LinkedHashMap<>(draft);
        draft.clear();
        order.forEach(id -> draft.put(id, Objects.requireNonNull(copy.get(id))));
    }

    void published(int publishedVersion) {
        version = publishedVersion;
        lastPublished = List.copyOf(draft.values());
    }
}
