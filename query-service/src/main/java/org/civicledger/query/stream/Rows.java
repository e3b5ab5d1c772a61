package org.civicledger.query.stream;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a queued write touches, as entity keys ({@code file:<id>}, {@code meeting:<id>}): rows it writes and rows it
 * reads. Writes with no key in common commute, so a batch may run them grouped by statement; writes sharing a key keep
 * their order. {@link #every} touches every row of a kind, {@link #ANY} everything: nothing moves across it.
 */
public record Rows(Set<String> keys, boolean any) {

    public static final Rows ANY = new Rows(Set.of(), true);

    public static Rows of(String kind, Object id) {
        return new Rows(Set.of(kind + ":" + id), false);
    }

    /** Every row of {@code kind}, e.g. a statement that writes the referrals of whichever files an agenda lists. */
    public static Rows every(String kind) {
        return new Rows(Set.of(kind + ":*"), false);
    }

    public Rows and(String kind, Object id) {
        return andAll(kind, List.of(id));
    }

    public Rows andAll(String kind, Collection<?> ids) {
        Set<String> more = new HashSet<>(keys);
        ids.forEach(id -> more.add(kind + ":" + id));
        return new Rows(Set.copyOf(more), any);
    }

    public Rows andEvery(String kind) {
        Set<String> more = new HashSet<>(keys);
        more.add(kind + ":*");
        return new Rows(Set.copyOf(more), any);
    }

    static boolean isEvery(String key) {
        return key.endsWith(":*");
    }

    /** {@code kind:*} for {@code kind:<id>}. */
    static String everyOf(String key) {
        return key.substring(0, key.indexOf(':') + 1) + "*";
    }
}
