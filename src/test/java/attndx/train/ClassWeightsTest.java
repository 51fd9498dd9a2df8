package attndx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import attndx.core.AttndxException;
import org.junit.jupiter.api.Test;

class ClassWeightsTest {
    @Test
    void inverseFrequencyHasMeanOne() {
        // 1/10 and 1/30 have mean 1/15: weights 1.5 and 0.5
        assertArrayEquals(new float[] {1.5f, 0.5f}, ClassWeights.inverseFrequency(new long[] {10, 30}), 1e-6f);
        assertArrayEquals(new float[] {1f, 1f, 1f}, ClassWeights.inverseFrequency(new long[] {7, 7, 7}), 1e-6f);
    }

    @Test
    void positiveWeightsAreNegativesPerPositive() {
        assertArrayEquals(new float[] {3f, 1f}, ClassWeights.positiveWeights(new long[] {25, 50}, 100), 1e-6f);
    }

    @Test
    void emptyOrFullClassesAreUserErrors() {
        assertThrows(AttndxException.class, () -> ClassWeights.inverseFrequency(new long[] {5, 0}));
        assertThrows(AttndxException.class, () -> ClassWeights.positiveWeights(new long[] {100}, 100));
    }
}
