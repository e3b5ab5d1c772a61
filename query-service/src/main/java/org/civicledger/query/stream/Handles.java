package org.civicledger.query.stream;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a projection's method as the handler of the event type of its first parameter, as Axon's
 * {@code @EventHandler} does: {@code @Handles void on(FileIntroduced e)}, or {@code (FileIntroduced e, EventEnvelope
 * envelope)} when it needs the position, the event id or who recorded it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Handles {
}
