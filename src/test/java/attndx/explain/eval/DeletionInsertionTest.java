package attndx.explain.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.Provenance;
import attndx.data.Preprocessing;
import attndx.explain.GradCam;
import attndx.explain.GradCamMaps;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig.Stem;
import attndx.model.ModelPresets;
import attndx.kernels.ModelRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeletionInsertionTest {
    /** Scores an image by the mean of its values; records the batch sizes it was called with. */
    private static final class MeanScorer implements TargetScorer {
        final List<Integer> calls = new ArrayList<>();

        @Override
        public float[] score(float[][] images, int[] targets) {
            calls.add(images.length);
            float[] out = new float[images.length];
            for (int i = 0; i < images.length; i++) {
                float sum = 0;
                for (float v : images[i]) {
                    sum += v;
                }
                out[i] = sum / images[i].length;
            }
            return out;
        }
    }

    /** One 2 x 2 image {1, 2, 3, 4}; saliency ranks pixel 1, then 3 (a tie, kept in raster order), 2, 0. */
    private static final float[][] IMAGE = {{1, 2, 3, 4}};
    private static final float[][] SALIENCY = {{0.1f, 0.9f, 0.5f, 0.9f}};

    private static Curves run(TargetScorer scorer, CurveConfig.Kind kind, int steps, float[] clean, int evalBatch) {
        return DeletionInsertion.compute(scorer, IMAGE, 1, 2, 2, SALIENCY, new int[] {0}, clean,
                new CurveConfig(kind, steps, 0f, evalBatch));
    }

    @Test
    void deletionRemovesTheMostSalientPixelsFirst() {
        // Steps remove round(k * 4 / 2) = 2 and 4 pixels: {1, 0, 3, 0} then all zero.
        Curves c = run(new MeanScorer(), CurveConfig.Kind.DELETION, 2, null, 64);
        assertArrayEquals(new float[] {2.5f, 1f, 0f}, c.curves()[0], 1e-6f);
        // Trapezoid over [0, 1]: ((2.5 + 1) / 2 + (1 + 0) / 2) / 2.
        assertEquals(1.125, c.areas()[0], 1e-6);
        assertEquals(1.125, c.meanArea(), 1e-6);
    }

    @Test
    void insertionStartsBlankAndPutsTheMostSalientPixelsBackFirst() {
        // Blank {0, 0, 0, 0}, then {0, 2, 0, 4}, then the image.
        Curves c = run(new MeanScorer(), CurveConfig.Kind.INSERTION, 2, null, 64);
        assertArrayEquals(new float[] {0f, 1.5f, 2.5f}, c.curves()[0], 1e-6f);
        assertEquals(((0 + 1.5) / 2 + (1.5 + 2.5) / 2) / 2, c.areas()[0], 1e-6);
    }

    @Test
    void aKnownCleanProbabilityIsUsedAndItsImageNotScored() {
        MeanScorer scorer = new MeanScorer();
        Curves deletion = run(scorer, CurveConfig.Kind.DELETION, 2, new float[] {9f}, 64);
        assertArrayEquals(new float[] {9f, 1f, 0f}, deletion.curves()[0], 1e-6f);
        assertEquals(List.of(2), scorer.calls);
        Curves insertion = run(new MeanScorer(), CurveConfig.Kind.INSERTION, 2, new float[] {9f}, 64);
        assertArrayEquals(new float[] {0f, 1.5f, 9f}, insertion.curves()[0], 1e-6f);
    }

    @Test
    void imagesAreScoredAtMostEvalBatchAtATimeWithTheSameCurves() {
        float[][] images = {{1, 2, 3, 4}, {4, 3, 2, 1}, {0, 5, 0, 5}};
        float[][] saliency = {{0, 1, 2, 3}, {3, 2, 1, 0}, {1, 1, 1, 1}};
        int[] targets = {0, 1, 0};
        MeanScorer small = new MeanScorer();
        Curves a = DeletionInsertion.compute(small, images, 1, 2, 2, saliency, targets, null,
                new CurveConfig(CurveConfig.Kind.DELETION, 4, 0f, 5));
        Curves b = DeletionInsertion.compute(new MeanScorer(), images, 1, 2, 2, saliency, targets, null,
                new CurveConfig(CurveConfig.Kind.DELETION, 4, 0f, 64));
        assertEquals(List.of(5, 5, 5), small.calls);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(b.curves()[i], a.curves()[i]);
        }
        // Image 1 loses 4, 3, 2, 1 in that order; image 2 (all tied) loses pixels 0, 1, 2, 3.
        assertArrayEquals(new float[] {2.5f, 1.5f, 0.75f, 0.25f, 0f}, a.curves()[1], 1e-6f);
        assertArrayEquals(new float[] {2.5f, 2.5f, 1.25f, 1.25f, 0f}, a.curves()[2], 1e-6f);
    }

    @Test
    void everyChannelOfARemovedPixelTakesTheFillAndCountsRoundHalfToEven() {
        // 5 pixels, 2 channels, 2 steps: step 1 removes round(2.5) = 2 pixels (half to even, as Python's round).
        float[][] image = {{1, 1, 1, 1, 1, 2, 2, 2, 2, 2}};
        float[][] saliency = {{5, 4, 3, 2, 1}};
        List<float[]> seen = new ArrayList<>();
        TargetScorer recorder = (images, targets) -> {
            seen.addAll(List.of(images));
            return new float[images.length];
        };
        DeletionInsertion.compute(recorder, image, 2, 1, 5, saliency, new int[] {0}, new float[] {0f},
                new CurveConfig(CurveConfig.Kind.DELETION, 2, -7f, 8));
        assertArrayEquals(new float[] {-7, -7, 1, 1, 1, -7, -7, 2, 2, 2}, seen.get(0));
        assertArrayEquals(new float[] {-7, -7, -7, -7, -7, -7, -7, -7, -7, -7}, seen.get(1));
    }

    @Test
    void theOrderIsByDecreasingSaliencyWithTiesInRasterOrder() {
        int[] order = DeletionInsertion.descendingOrder(new float[] {-1f, 3f, -2f, 3f, 0f, -0f, Float.NEGATIVE_INFINITY,
                1e-30f}, 0);
        assertArrayEquals(new int[] {1, 3, 7, 4, 5, 0, 2, 6}, order);
    }

    @Test
    void mapsThatDoNotFitAreRejectedWithTheImageNamed() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> DeletionInsertion.compute(new MeanScorer(), IMAGE, 1, 2, 2, new float[][] {{0, Float.NaN, 0, 0}},
                        new int[] {0}, null, CurveConfig.deletion(2)));
        assertEquals("saliency map 0 has NaN at pixel 1", nan.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> DeletionInsertion.compute(new MeanScorer(), IMAGE, 1, 2, 2, new float[][] {{0, 1}},
                        new int[] {0}, null, CurveConfig.deletion(2)));
        assertTrue(size.getMessage().startsWith("saliency map 0 has 2 values, expected the image's 4 pixels"));
        assertThrows(IllegalArgumentException.class, () -> new CurveConfig(CurveConfig.Kind.DELETION, 0, 0f, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new CurveConfig(CurveConfig.Kind.INSERTION, 2, Float.NaN, 1));
    }

    /** Every array Grad-CAM and the curves create per call is freed (the engine's managers hold no more after). */
    @Test
    void repeatedExplanationsLeaveNoArraysBehind() {
        try (DiagnosisModel model = tinyModel("attn-multiscale"); GradCam gradCam = new GradCam(model, 2);
                ModelRunner runner = new ModelRunner(model, 4)) {
            float[][] x = new float[3][28 * 28];
            RunnerScorer scorer = new RunnerScorer(runner, 1, 28, 28);
            int[] alive = new int[4];
            for (int round = 0; round < alive.length; round++) {
                GradCamMaps maps = gradCam.explain(x, 1, 28, 28, null);
                DeletionInsertion.compute(scorer, x, 1, 28, 28, maps.maps(), maps.targets(), null,
                        new CurveConfig(CurveConfig.Kind.INSERTION, 4, 0f, 5));
                alive[round] = liveArrays();
            }
            assertEquals(alive[0], alive[3], "arrays alive after rounds 1 and 4");
        }
    }

    private static DiagnosisModel tinyModel(String preset) {
        return DiagnosisModel.create(ModelPresets.create(preset, 18, 8, Stem.SMALL_INPUT, 1, 2),
                Preprocessing.defaults(), List.of("a", "b"), Provenance.capture("test", Map.of(), "", 1), 5);
    }

    private static int liveArrays() {
        try (ai.djl.ndarray.NDManager probe = ai.djl.ndarray.NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    /** Through a model: the clean point Grad-CAM reports is the runner's own probability of the unperturbed image. */
    @Test
    void gradCamsCleanProbabilitiesAreTheRunnersOnARealModel() {
        try (DiagnosisModel model = tinyModel("attn-single"); GradCam gradCam = new GradCam(model, 4);
                ModelRunner runner = new ModelRunner(model, 8)) {
            float[][] x = new float[3][28 * 28];
            for (int i = 0; i < 3; i++) {
                for (int p = 0; p < x[i].length; p++) {
                    x[i][p] = (float) Math.sin(p * 0.37 + i);
                }
            }
            GradCamMaps maps = gradCam.explain(x, 1, 28, 28, null);
            RunnerScorer scorer = new RunnerScorer(runner, 1, 28, 28);
            CurveConfig config = new CurveConfig(CurveConfig.Kind.DELETION, 5, 0f, 7);
            Curves known = DeletionInsertion.compute(scorer, x, 1, 28, 28, maps.maps(), maps.targets(),
                    maps.targetProbabilities(), config);
            Curves scored = DeletionInsertion.compute(scorer, x, 1, 28, 28, maps.maps(), maps.targets(), null, config);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(scored.curves()[i], known.curves()[i], 1e-5f);
            }
        }
    }
}
