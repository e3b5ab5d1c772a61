package org.civicledger.command.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicProvisionerTest {

    @Test
    void minInsyncReplicasLetsOneBrokerGoWithoutRefusingWrites() {
        assertThat(TopicProvisioner.minInsyncReplicas(1)).isEqualTo(1);
        assertThat(TopicProvisioner.minInsyncReplicas(2)).isEqualTo(1);
        assertThat(TopicProvisioner.minInsyncReplicas(3)).isEqualTo(2);
        assertThat(TopicProvisioner.minInsyncReplicas(5)).isEqualTo(2);
    }
}
