package org.civicledger.command.ledger;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose fields are (part of) an aggregate's state, written whole into its snapshots as JSON by the
 * event store's serializer: every field, read and set directly, no getters or setters. Fields the constructor fills
 * with containers carry {@code @JsonMerge}, so a snapshot refills those containers and keeps their concrete types
 * and iteration order instead of replacing them with Jackson's defaults.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public @interface SnapshotState {
}
