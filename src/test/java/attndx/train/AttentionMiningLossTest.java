package attndx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;
import attndx.data.TaskType;
import attndx.model.DiagnosisOutput;
import org.junit.jupiter.api.Test;

/** Attention mining by hand: the quantile mask, the erased and kept images, the term, the objective. */
class AttentionMiningLossTest {
    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** The mask sigmoid((a - q) / tau) of one 2 x 2 map {4, 3, 2, 1} at threshold q (range 3, so tau = 0.15). */
    private static float[] expected(double q) {
        double tau = AttentionMiningLoss.SOFTNESS * 3 + 1e-6;
        float[] want = new float[4];
        double[] a = {4, 3, 2, 1};
        for (int i = 0; i < 4; i++) {
            want[i] = (float) sigmoid((a[i] - q) / tau);
        }
        return want;
    }

    @Test
    void theMaskMarksTheTopFractionOfEachImagesPixels() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {4, 3, 2, 1, 4, 3, 2, 1, 4, 3, 2, 1, 4, 3, 2, 1}, new Shape(4, 1, 2, 2));
            // 0.5: two pixels, threshold between 3 and 2; 0.25: one pixel; 0.01 and 0.99: at least one pixel, and
            // at most all but one
            NDArray fractions = m.create(new float[] {0.5f, 0.25f, 0.01f, 0.99f});
            float[] got = AttentionMiningLoss.mask(a, 2, 2, fractions).toFloatArray();
            double[] thresholds = {2.5, 3.5, 3.5, 1.5};
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(expected(thresholds[i]), java.util.Arrays.copyOfRange(got, 4 * i, 4 * i + 4), 1e-5f,
                        "image " + i);
            }
        }
    }

    @Test
    void theMaskIgnoresTheMapsScaleAndTrainsOnlyItsOrder() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray fraction = m.create(new float[] {0.5f});
            NDArray a = m.create(new float[] {4, 3, 2, 1}, new Shape(1, 1, 2, 2));
            float[] scaled = AttentionMiningLoss.mask(a.mul(7).add(2), 2, 2, fraction).toFloatArray();
            assertArrayEquals(expected(2.5), scaled, 1e-5f, "a map scaled and shifted marks the same pixels as much");
            a.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray t = AttentionMiningLoss.mask(a, 2, 2, fraction);
                gc.backward(t.get("0, 0, 0, 0"));
            }
            // threshold and softness carry no gradient: only the pixel itself moves its own mask value
            double z = (4 - 2.5) / (AttentionMiningLoss.SOFTNESS * 3 + 1e-6);
            double slope = sigmoid(z) * (1 - sigmoid(z)) / (AttentionMiningLoss.SOFTNESS * 3 + 1e-6);
            assertArrayEquals(new float[] {(float) slope, 0, 0, 0}, a.getGradient().toFloatArray(), 1e-4f);
        }
    }

    @Test
    void erasingRemovesBetweenATenthAndNineTenthsOfTheImageAndKeepingKeepsJustThat() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            float[] map = new float[100];
            for (int i = 0; i < map.length; i++) {
                map[i] = (i * 37) % 100;
            }
            NDArray a = m.create(map, new Shape(1, 1, 10, 10));
            float[] image = new float[100];
            for (int i = 0; i < image.length; i++) {
                image[i] = 1 + i % 7;
            }
            NDArray x = m.create(image, new Shape(1, 1, 10, 10));
            for (int draw = 0; draw < 20; draw++) {
                NDArray both = AttentionMiningLoss.erasedAndKept(x, a, m.create(new int[] {1}));
                assertEquals(new Shape(2, 1, 10, 10), both.getShape());
                float[] erased = both.get(0).toFloatArray();
                float[] kept = both.get(1).toFloatArray();
                double removed = 0;
                float lowestErased = Float.MAX_VALUE;
                float highestKept = -Float.MAX_VALUE;
                for (int i = 0; i < erased.length; i++) {
                    assertEquals(image[i], erased[i] + kept[i], 1e-5, "the two images split pixel " + i);
                    double share = 1 - erased[i] / image[i];
                    removed += share;
                    if (share > 0.5) {
                        lowestErased = Math.min(lowestErased, map[i]);
                    } else {
                        highestKept = Math.max(highestKept, map[i]);
                    }
                }
                assertTrue(lowestErased > highestKept, "the erased pixels are the map's highest");
                assertTrue(removed >= 9 && removed <= 91, "removed " + removed + " pixels");
            }
        }
    }

    @Test
    void withOneMapPerClassEachImageUsesItsLabelsMap() {
        try (NDManager m = NDManager.newBaseManager()) {
            // two images, two maps each (class 0, class 1) of 1 x 2
            NDArray a = m.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new Shape(2, 2, 1, 2));
            assertArrayEquals(new float[] {3, 4, 5, 6},
                    AttentionMiningLoss.findingMap(a, m.create(new int[] {1, 0})).toFloatArray());
            NDArray hot = m.create(new float[] {1, 1, 0, 1}, new Shape(2, 2));
            assertArrayEquals(new float[] {4, 6, 7, 8}, AttentionMiningLoss.findingMap(a, hot).toFloatArray());
            NDArray one = m.create(new float[] {1, 2}, new Shape(1, 1, 1, 2));
            assertArrayEquals(new float[] {1, 2}, AttentionMiningLoss.findingMap(one, m.create(new int[] {1}))
                    .toFloatArray(), "a shared map is used as it is");
        }
    }

    @Test
    void theTermIsTheFindingsProbabilityOrTheNormalsExcessOverChanceOnErasedImagesPlusTheShortfallOnKeptOnes() {
        try (NDManager m = NDManager.newBaseManager()) {
            // labels 1, 0, 1; erased: p(label) = 0.5, 1 / (1 + e^-5) (normal: only its excess over chance, 0.5,
            // counts), 0.75; kept: p(label) = 0.75, 0.5, 1 / (1 + e^-9)
            NDArray erased = m.create(new float[] {0, 0, 5, 0, 0, (float) Math.log(3)}, new Shape(3, 2));
            NDArray kept = m.create(new float[] {0, (float) Math.log(3), 0, 0, 0, 9}, new Shape(3, 2));
            double want = (0.5 + (sigmoid(5) - 0.5) + 0.75 + 0.25 + 0.5 + (1 - sigmoid(9))) / 3;
            assertEquals(want, AttentionMiningLoss.compute(erased, kept, m.create(new int[] {1, 0, 1}),
                    TaskType.BINARY).getFloat(), 1e-5);
            NDArray keptNormal = m.create(new float[] {0, 0, 0, (float) Math.log(3)}, new Shape(2, 2));
            assertEquals((0 + (sigmoid(5) - 0.5) + 0.5 + 0.75) / 2, AttentionMiningLoss.compute(erased.get("0:2"),
                    keptNormal, m.create(new int[] {0, 0}), TaskType.BINARY).getFloat(), 1e-5,
                    "normal images: erased at chance costs nothing, above it the excess; kept: 1 - 0.5 and 1 - 0.25");
            // multi-label: each positive label's sigmoid on the erased image and 1 - it on the kept one
            NDArray multiErased = m.create(new float[] {0, 9, 9, (float) Math.log(3)}, new Shape(2, 2));
            NDArray multiKept = m.create(new float[] {(float) Math.log(3), -9, -9, 0}, new Shape(2, 2));
            NDArray hot = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
            assertEquals((0.5 + 0.75 + 0.25 + 0.5) / 2, AttentionMiningLoss.compute(multiErased, multiKept, hot,
                    TaskType.MULTILABEL).getFloat(), 1e-5);
            NDArray none = m.zeros(new Shape(2, 2));
            assertEquals(0, AttentionMiningLoss.compute(multiErased, multiKept, none, TaskType.MULTILABEL).getFloat(),
                    1e-5, "no positive label in the batch: nothing to mine");
        }
    }

    @Test
    void theNormalImagesTermPushesOnlyTheErasedImagesAboveChance() {
        try (NDManager m = NDManager.newBaseManager()) {
            // two normal images: erased P(normal) = sigmoid(2) (above chance) and sigmoid(-2) (below); kept: certain
            NDArray erased = m.create(new float[] {2, 0, -2, 0}, new Shape(2, 2));
            NDArray kept = m.create(new float[] {20, 0, 20, 0}, new Shape(2, 2));
            erased.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = AttentionMiningLoss.compute(erased, kept, m.create(new int[] {0, 0}), TaskType.BINARY);
                gc.backward(loss);
            }
            double p = sigmoid(2);
            float[] grad = erased.getGradient().toFloatArray();
            assertArrayEquals(new float[] {(float) (p * (1 - p) / 2), (float) (-p * (1 - p) / 2), 0, 0}, grad, 1e-6f,
                    "only the image above chance is pushed, by d softmax / 2 (two counted images)");
        }
    }

    @Test
    void theObjectiveAddsItWithItsWeightAndNeedsTheMiningPass() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {2f, 0f, 0f, 1f}, new Shape(2, 2));
            logits.setName(DiagnosisOutput.LOGITS);
            NDArray a = m.create(new float[] {0.2f, 0.6f, 0.4f, 1.0f}, new Shape(2, 1, 1, 2));
            a.setName(DiagnosisOutput.ATTENTION);
            DiagnosisOutput out = new DiagnosisOutput(new NDList(logits, a));
            // labels 0, 1: erased p(label) = 0.5 (normal at chance: 0), 0.75; kept p(label) = 0.5, 0.75
            NDArray erasedLogits = m.create(new float[] {0f, 0f, 0f, (float) Math.log(3)}, new Shape(2, 2));
            LossConfig c = new LossConfig(0, 0, 0, 0, 0, 0, false, 2);
            TrainingObjective objective = new TrainingObjective(c, TaskType.BINARY, null);
            NDArray targets = m.create(new int[] {0, 1});
            assertTrue(objective.needsMiningPass(out));
            LossTerms terms = objective.compute(out, targets, null, null,
                    new TrainingObjective.MiningPass(erasedLogits, erasedLogits, 1));
            double mine = (0.75 + 0.5 + 0.25) / 2;
            assertEquals(mine, terms.values().get(LossTerms.MINING), 1e-5);
            float cls = new ClassificationLoss(TaskType.BINARY, 0f, 0f, null).compute(logits, targets).getFloat();
            assertEquals(cls + 2 * mine, terms.total().getFloat(), 1e-5);
            assertThrows(IllegalArgumentException.class, () -> objective.compute(out, targets, null, null));
        }
    }
}
