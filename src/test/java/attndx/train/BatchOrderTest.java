package attndx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchOrderTest {
    private static int[] flat(int[][] batches) {
        return Arrays.stream(batches).flatMapToInt(Arrays::stream).toArray();
    }

    @Test
    void everyImageOnceInBatchesOfTheRequestedSize() {
        int[][] b = BatchOrder.of(10, 4, 1, 1);
        assertEquals(3, b.length);
        assertEquals(4, b[0].length);
        assertEquals(2, b[2].length);
        assertArrayEquals(IntStream.range(0, 10).toArray(), Arrays.stream(flat(b)).sorted().toArray());
    }

    @Test
    void aFinalBatchOfOneImageIsDropped() {
        int[][] b = BatchOrder.of(9, 4, 1, 1);
        assertEquals(2, b.length, "BatchNorm cannot normalise a single image in training mode");
        assertEquals(8, flat(b).length);
    }

    @Test
    void orderDependsOnlyOnSeedAndEpoch() {
        assertArrayEquals(flat(BatchOrder.of(50, 8, 3, 2)), flat(BatchOrder.of(50, 8, 3, 2)));
        assertFalse(Arrays.equals(flat(BatchOrder.of(50, 8, 3, 2)), flat(BatchOrder.of(50, 8, 3, 3))));
        assertFalse(Arrays.equals(flat(BatchOrder.of(50, 8, 3, 2)), flat(BatchOrder.of(50, 8, 4, 2))));
    }
}
