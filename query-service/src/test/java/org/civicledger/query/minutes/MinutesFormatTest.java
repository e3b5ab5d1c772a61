package org.civicledger.query.minutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civicledger.query.web.BadParameter;
import org.junit.jupiter.api.Test;

class MinutesFormatTest {

    @Test
    void htmlByDefault() {
        assertThat(MinutesFormat.choose(null, null)).contains(MinutesFormat.HTML);
        assertThat(MinutesFormat.choose(null, "*/*")).contains(MinutesFormat.HTML);
        assertThat(MinutesFormat.choose(null, "text/*")).contains(MinutesFormat.HTML);
        assertThat(MinutesFormat.choose(null, "not a media type")).contains(MinutesFormat.HTML);
        assertThat(MinutesFormat.choose(null, "text/html,application/xhtml+xml,*/*;q=0.8"))
                .contains(MinutesFormat.HTML);
    }

    @Test
    void plainTextWhenTheAcceptHeaderPrefersIt() {
        assertThat(MinutesFormat.choose(null, "text/plain")).contains(MinutesFormat.TEXT);
        assertThat(MinutesFormat.choose(null, "text/plain; charset=utf-8")).contains(MinutesFormat.TEXT);
        assertThat(MinutesFormat.choose(null, "text/html;q=0.5, text/plain")).contains(MinutesFormat.TEXT);
        assertThat(MinutesFormat.choose(null, "text/*;q=0.2, text/plain;q=0.9")).contains(MinutesFormat.TEXT);
        assertThat(MinutesFormat.choose(null, "*/*;q=0.1, text/plain")).contains(MinutesFormat.TEXT);
    }

    @Test
    void theMostSpecificRangeDecidesAType() {
        assertThat(MinutesFormat.choose(null, "text/*, text/html;q=0.1")).contains(MinutesFormat.TEXT);
        assertThat(MinutesFormat.choose(null, "text/plain;q=0, */*")).contains(MinutesFormat.HTML);
    }

    @Test
    void theFormatParameterOverridesTheAcceptHeader() {
        assertThat(MinutesFormat.choose("text", "text/html")).contains(MinutesFormat.TEXT);
        assertThat(MinutesFormat.choose("HTML", "text/plain")).contains(MinutesFormat.HTML);
        assertThatThrownBy(() -> MinutesFormat.choose("pdf", null)).isInstanceOf(BadParameter.class)
                .hasMessageContaining("'format'");
    }

    @Test
    void neitherWhenTheAcceptHeaderRulesBothOut() {
        assertThat(MinutesFormat.choose(null, "application/json")).isEmpty();
        assertThat(MinutesFormat.choose(null, "text/html;q=0, text/plain;q=0")).isEmpty();
    }
}
