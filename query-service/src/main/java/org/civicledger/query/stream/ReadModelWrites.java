package org.civicledger.query.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How projections write. Outside a batch a write runs at once. Inside one ({@link #inBatch}, the consumer applying a
 * poll) writes are queued and sent at the end as JDBC batches, one per statement, so a rebuild makes a few dozen round
 * trips per thousand events instead of several per event. Writes that touch the same {@link Rows} (one file, one
 * meeting) keep their order; writes that share none commute and may be sent in either order. A handler that reads
 * inside the fold calls {@link #reading} first, which sends what is queued.
 */
@Component
public class ReadModelWrites {

    private final JdbcTemplate jdbc;
    private final ThreadLocal<Queue> current = new ThreadLocal<>();

    ReadModelWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void update(Rows rows, String sql, Object... args) {
        batch(rows, sql, List.<Object[]>of(args));
    }

    /** Several rows of one statement, kept together and in order. */
    public void batch(Rows rows, String sql, List<Object[]> args) {
        Queue queue = current.get();
        if (queue == null) {
            send(sql, args);
        } else {
            queue.add(sql, args, rows);
        }
    }

    /** The template to read with inside a handler, once every queued write has been sent. */
    public JdbcTemplate reading() {
        Queue queue = current.get();
        if (queue != null) {
            queue.flush();
        }
        return jdbc;
    }

    /**
     * Runs {@code action} once after the batch's writes, with every distinct item collected under {@code name} in the
     * batch, in the order first collected; outside a batch, at once with this item. For work that reads the read
     * models as they stand (the search index), done once per file instead of once per event.
     */
    public void afterWrites(String name, String item, Consumer<Set<String>> action) {
        Queue queue = current.get();
        if (queue == null) {
            action.accept(Set.of(item));
        } else {
            queue.after.computeIfAbsent(name, n -> new After(action, new LinkedHashSet<>())).items.add(item);
        }
    }

    /**
     * What a projection remembers of the batch being applied, under {@code name}: the same object for the whole
     * batch, a new one at the next. Outside a batch, a new one each call (nothing is remembered). For facts that let
     * a write name fewer rows than it would otherwise have to.
     */
    @SuppressWarnings("unchecked")
    public <T> T batchState(String name, Supplier<T> initial) {
        Queue queue = current.get();
        return queue == null ? initial.get() : (T) queue.state.computeIfAbsent(name, n -> initial.get());
    }

    /** Runs {@code work} with writes queued, then sends them and runs what waits for them; on this thread. */
    <T> T inBatch(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Queue queue = new Queue();
        current.set(queue);
        try {
            T result = work.get();
            queue.finish();
            return result;
        } finally {
            current.remove();
        }
    }

    private void send(String sql, List<Object[]> args) {
        if (args.size() == 1) {
            jdbc.update(sql, args.get(0));
        } else if (!args.isEmpty()) {
            jdbc.batchUpdate(sql, args);
        }
    }

    private record After(Consumer<Set<String>> action, Set<String> items) {
    }

    /**
     * Queued writes in stages: a write's stage is one past the latest stage of any queued write it shares a key with,
     * so writes sharing a key run in the order queued and writes in one stage share none. Sent stage by stage, one
     * JDBC batch per statement and stage.
     */
    private final class Queue {
        final TreeMap<Integer, Map<String, List<Object[]>>> stages = new TreeMap<>();
        final Map<String, Integer> stageOfKey = new HashMap<>();
        /** Per kind ({@code file:}), the latest stage of any key of it, for {@link Rows#every}. */
        final Map<String, Integer> stageOfKind = new HashMap<>();
        final Map<String, After> after = new LinkedHashMap<>();
        final Map<String, Object> state = new HashMap<>();
        int anyStage;
        int lastStage;

        void add(String sql, List<Object[]> args, Rows rows) {
            int stage = rows.any() ? lastStage + 1 : anyStage + 1;
            for (String key : rows.keys()) {
                String kind = Rows.everyOf(key);
                stage = Math.max(stage, stageOfKey.getOrDefault(kind, 0) + 1);
                stage = Math.max(stage, (Rows.isEvery(key) ? stageOfKind.getOrDefault(kind, 0)
                        : stageOfKey.getOrDefault(key, 0)) + 1);
            }
            for (String key : rows.keys()) {
                stageOfKey.put(key, stage);
                stageOfKind.merge(Rows.everyOf(key), stage, Math::max);
            }
            if (rows.any()) {
                anyStage = stage;
            }
            lastStage = Math.max(lastStage, stage);
            stages.computeIfAbsent(stage, n -> new LinkedHashMap<>()).computeIfAbsent(sql, q -> new ArrayList<>())
                    .addAll(args);
        }

        void flush() {
            for (Map<String, List<Object[]>> stage : stages.values()) {
                stage.forEach(ReadModelWrites.this::send);
            }
            stages.clear();
            stageOfKey.clear();
            stageOfKind.clear();
            anyStage = 0;
            lastStage = 0;
        }

        /** Sends the writes, then runs what waits for them; what that queues or collects is sent in turn. */
        void finish() {
            flush();
            while (!after.isEmpty()) {
                List<After> waiting = List.copyOf(after.values());
                after.clear();
                for (After a : waiting) {
                    a.action().accept(a.items());
                    flush();
                }
            }
        }
    }
}
