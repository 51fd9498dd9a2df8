package attndx.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import attndx.model.ModelConfig.Pooling;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * (features h, w) -> (attention H, W): the ResNet-18 cases at 28x28 and 64x64 input, odd and shrinking
     * sizes, for every pooling.
     */
    @ParameterizedTest
    @CsvSource({"4, 4, 14, 14", "8, 8, 32, 32", "7, 7, 28, 28", "4, 4, 7, 7", "3, 5, 7, 6", "6, 6, 4, 4"})
    void resizedPoolingEqualsResizeThenPoolInValuesAndGradients(int h, int w, int bigH, int bigW) {
        for (Pooling pooling : Pooling.values()) {
            try (NDManager m = NDManager.newBaseManager()) {
                m.getEngine().setRandomSeed(3);
                NDArray f = m.randomNormal(new Shape(2, 5, h, w));
                NDArray a = m.randomUniform(0f, 1f, new Shape(2, 3, bigH, bigW));
                float[][] direct = poolWithGradients(f, a, false, pooling);
                float[][] resized = poolWithGradients(f, a, true, pooling);
                String[] what = {"pooled", "gradient of F", "gradient of A"};
                for (int k = 0; k < 3; k++) {
                    assertArrayEquals(direct[k], resized[k], 1e-4f, pooling + " " + what[k]);
                }
            }
        }
    }

    private static float[][] poolWithGradients(NDArray f0, NDArray a0, boolean resized, Pooling pooling) {
        NDArray f = f0.duplicate();
        NDArray a = a0.duplicate();
        f.setRequiresGradient(true);
        a.setRequiresGradient(true);
        float[] z;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray pooled = resized ? SpatialMaps.attendedPoolResized(f, a, pooling)
                    : SpatialMaps.attendedPool(SpatialMaps.bilinear(f, a.getShape().get(2), a.getShape().get(3)), a,
                            pooling);
            z = pooled.toFloatArray();
            // a fixed, non-uniform weighting so every output element contributes differently
            gc.backward(pooled.mul(f.getManager().arange((float) pooled.size()).reshape(pooled.getShape())).sum());
        }
        return new float[][] {z, f.getGradient().toFloatArray(), a.getGradient().toFloatArray()};
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
    void meanPoolingDividesByTheNumberOfLocationsSoScalingTheMapScalesZ() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray f = m.create(new float[] {1, 3, 2, 2}, new Shape(1, 2, 1, 2));
            NDArray onlyLeft = m.create(new float[] {1, 0}, new Shape(1, 1, 1, 2));
            // (1 * [1, 2] + 0 * [3, 2]) / 2 locations
            assertArrayEquals(new float[] {0.5f, 1}, SpatialMaps.attendedPool(f, onlyLeft, Pooling.MEAN).toFloatArray(),
                    1e-6f);
            assertArrayEquals(new float[] {0.25f, 0.5f},
                    SpatialMaps.attendedPool(f, onlyLeft.mul(0.5f), Pooling.MEAN).toFloatArray(), 1e-6f);
        }
    }

    /**
     * The integrity defect of the weighted mean (issue 18): a nearly flat map pools every location almost
     * equally, so the pooled feature hardly depends on where the map is high. MEAN keeps the map's contrast
     * as it is; SOFTMAX sharpens it: exp((A - 1) / 0.1) gives weights 1 and e^-1 to A = 1 and 0.9.
     */
    @Test
    void aNearlyFlatMapPoolsEveryLocationUnderTheWeightedMeanButNotUnderSoftmax() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray f = m.create(new float[] {0, 10}, new Shape(1, 1, 1, 2));
            NDArray highLeft = m.create(new float[] {1, 0.9f}, new Shape(1, 1, 1, 2));
            float weighted = SpatialMaps.attendedPool(f, highLeft, Pooling.WEIGHTED_MEAN).getFloat();
            float softmax = SpatialMaps.attendedPool(f, highLeft, Pooling.SOFTMAX).getFloat();
            assertEquals(10 * 0.9f / 1.9f, weighted, 1e-4f);
            double e = Math.exp(-1);
            assertEquals(10 * e / (1 + e), softmax, 1e-4f);
            // SOFTMAX is not invariant to the map's contrast: a map that is high on one side reads that side only
            NDArray sharp = m.create(new float[] {1, 0}, new Shape(1, 1, 1, 2));
            assertEquals(10 * Math.exp(-10) / (1 + Math.exp(-10)),
                    SpatialMaps.attendedPool(f, sharp, Pooling.SOFTMAX).getFloat(), 1e-5f);
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
