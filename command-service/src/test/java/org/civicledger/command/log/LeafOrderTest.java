package org.civicledger.command.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LeafOrderTest {

    @Test
    void givenEmptyLog_whenFirstEvent_thenLeafZeroWhateverItsPosition() {
        assertThat(LeafOrder.nextIndex(null, 1)).isZero();
        assertThat(LeafOrder.nextIndex(null, 17)).isZero();
    }

    @Test
    void givenAGapInPositions_whenNextEvent_thenLeafIndexesStayDense() {
        assertThat(LeafOrder.nextIndex(new long[] {4, 5}, 9)).isEqualTo(5);
    }

    @Test
    void givenLastLeafAtPosition_whenAnOlderEventArrives_thenRefused() {
        assertThatThrownBy(() -> LeafOrder.nextIndex(new long[] {4, 9}, 7)).hasMessageContaining("position order");
        assertThatThrownBy(() -> LeafOrder.nextIndex(new long[] {4, 9}, 9)).isInstanceOf(IllegalStateException.class);
    }
}
