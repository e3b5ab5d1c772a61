package org.civicledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Leaves appended in batches through the buffer give the same stored hashes as leaves appended one by one. */
class BufferedHashStoreTest {

    @Test
    void batchesOfAnySizeStoreExactlyTheHashesOfSingleAppends() {
        InMemoryHashStore single = new InMemoryHashStore();
        StoredTree one = new StoredTree(single);
        InMemoryHashStore batched = new InMemoryHashStore();
        BufferedHashStore buffer = new BufferedHashStore(batched);
        StoredTree many = new StoredTree(buffer);
        List<Integer> flushSizes = new ArrayList<>();
        int[] batches = {1, 2, 3, 7, 16, 1, 33, 10};
        int index = 0;
        for (int batch : batches) {
            for (int i = 0; i < batch; i++, index++) {
                byte[] leaf = ByteBuffer.allocate(8).putLong(index * 31L).array();
                one.append(index, leaf);
                many.append(index, leaf);
            }
            flushSizes.add(buffer.flush());
        }

        assertThat(batched.size()).isEqualTo(single.size()).isEqualTo(StoredHashIndex.count(index));
        for (int size = 0; size <= index; size++) {
            assertThat(Hex.of(many.root(size))).as("size %d", size).isEqualTo(Hex.of(one.root(size)));
        }
        assertThat(flushSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(single.size());
        assertThat(buffer.flush()).as("nothing left to write").isZero();
    }

    @Test
    void aWriteThatDoesNotContinueTheBufferIsRefused() {
        BufferedHashStore buffer = new BufferedHashStore(new InMemoryHashStore());
        buffer.writeHashes(0, List.of(new byte[32]));
        assertThatThrownBy(() -> buffer.writeHashes(5, List.of(new byte[32])))
                .isInstanceOf(IllegalStateException.class);
    }
}
