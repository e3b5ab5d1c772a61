package org.civicledger.query.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionQueriesTest {

    @Test
    void theDiffIsTextOnlyWhenTheClientPrefersTextPlainToJson() {
        assertThat(VersionQueries.prefersText("text/plain")).isTrue();
        assertThat(VersionQueries.prefersText("text/*")).isTrue();
        assertThat(VersionQueries.prefersText("application/json;q=0.5, text/plain")).isTrue();
        assertThat(VersionQueries.prefersText("text/html, text/plain;q=0.9, */*;q=0.8")).isTrue();
    }

    @Test
    void noAcceptAnyTypeOrATieIsJson() {
        assertThat(VersionQueries.prefersText(null)).isFalse();
        assertThat(VersionQueries.prefersText("*/*")).isFalse();
        assertThat(VersionQueries.prefersText("application/json, text/plain")).isFalse();
        assertThat(VersionQueries.prefersText("text/plain, application/json, application/*+json, */*"))
                .as("equal quality: listing order is no preference").isFalse();
        assertThat(VersionQueries.prefersText("text/plain;q=0.2, application/json")).isFalse();
        assertThat(VersionQueries.prefersText("text/plain;q=0, */*")).isFalse();
        assertThat(VersionQueries.prefersText("not a media type")).isFalse();
    }
}
