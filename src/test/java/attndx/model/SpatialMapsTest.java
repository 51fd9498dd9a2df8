package attndx.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed answers for the map operations and the fusion block. */
class SpatialMapsTest {

    @Test
    void bilinearUpsamplingMatchesPytorchWithoutAlignedCorners() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0, 1, 2, 3}, new Shape(1, 1, 2, 2));
            float[] up = SpatialMaps.bilinear(x, 4, 4).toFloatArray();
            // source coordinate (d + 0.5) / 2 - 0.5, clamped to the border: 0, 0.25, 0.75, 1 along each axis
            assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, java.util.Arrays.copyOf(up, 4), 1e-6f);
            assertArrayEquals(new float[] {2, 2.25f, 2.75f, 3}, java.util.Arrays.copyOfRange(up, 12, 16), 1e-6f);
        }
    }

    @Test
    void attendedPoolingIsTheAttentionWeightedMean() {
        try (NDManager m = NDManager.newBaseManager()) {
            // features: channel 0 = [1, 3], channel 1 = [2, 2] on a 1 x 2 grid
            NDArray f = m.create(new float[] {1, 3, 2, 2}, new Shape(1, 2, 1, 2));
            NDArray onlyLeft = m.create(new float[] {1, 0}, new Shape(1, 1, 1, 2));
            NDArray even = m.create(new float[] {0.5f, 0.5f}, new Shape(1, 1, 1, 2));
            assertArrayEquals(new float[] {1, 2}, SpatialMaps.attendedPool(f, onlyLeft).toFloatArray(), 1e-5f);
            assertArrayEquals(new float[] {2, 2}, SpatialMaps.attendedPool(f, even).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void minMaxMapsEachImageToZeroOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {4, 5, 6, 7, 3, 3, 3, 3}, new Shape(2, 1, 2, 2));
            float[] n = SpatialMaps.minMax(x).toFloatArray();
            assertArrayEquals(new float[] {0, 1 / 3f, 2 / 3f, 1, 0, 0, 0, 0}, n, 1e-5f);
        }
    }

    @Test
    void fixedFusionUpsamplesWeighsAndNormalises() {
        try (NDManager m = NDManager.newBaseManager()) {
            AttentionFusion fusion = AttentionFusion.builder().setScales(2).optFixedWeights(List.of(1.0, 3.0)).build();
            NDArray fine = m.create(new float[] {0, 1, 2, 3}, new Shape(1, 1, 2, 2));
            NDArray coarse = m.create(new float[] {4}, new Shape(1, 1, 1, 1));
            fusion.initialize(m, DataType.FLOAT32, fine.getShape(), coarse.getShape());
            NDArray fused = fusion.forward(new ParameterStore(m, false), new NDList(fine, coarse), false).singletonOrThrow();
            // 1 * [0,1,2,3] + 3 * 4 = [12,13,14,15] -> min-max -> [0, 1/3, 2/3, 1]
            assertArrayEquals(new float[] {0, 1 / 3f, 2 / 3f, 1}, fused.toFloatArray(), 1e-5f);
            assertArrayEquals(new float[] {0.25f, 0.75f}, fusion.weights(), 1e-6f);
        }
    }

    @Test
    void learnedFusionStartsWithEqualWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            AttentionFusion fusion = AttentionFusion.builder().setScales(3).build();
            Shape s = new Shape(1, 1, 2, 2);
            fusion.initialize(m, DataType.FLOAT32, s, s, s);
            float[] w = fusion.weights();
            assertEquals(3, w.length);
            assertArrayEquals(new float[] {1 / 3f, 1 / 3f, 1 / 3f}, w, 1e-6f);
        }
    }
}
