package attndx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import attndx.data.TaskType;
import attndx.model.DiagnosisOutput;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingObjectiveTest {
    /** The default objective without attention mining (seed Table 1), so no erased pass is needed. */
    private static final LossConfig TABLE_1 = new LossConfig(0.01, 0.1, 1.0, 0, 0, 0, false, 0);

    private static final double EPS = 1e-5;

    private static DiagnosisOutput output(NDManager m, float[] attention) {
        NDArray logits = m.create(new float[] {2f, 0f, 0f, 1f}, new Shape(2, 2));
        logits.setName(DiagnosisOutput.LOGITS);
        NDList list = new NDList(logits);
        if (attention != null) {
            NDArray a = m.create(attention, new Shape(2, 1, 1, 2));
            a.setName(DiagnosisOutput.ATTENTION);
            list.add(a);
        }
        return new DiagnosisOutput(list);
    }

    private static float crossEntropy(NDManager m, NDArray targets) {
        return new ClassificationLoss(TaskType.BINARY, 0f, 0f, null)
                .compute(output(m, null).logits(), targets).getFloat();
    }

    @Test
    void zeroLambdasGiveCrossEntropy() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray targets = m.create(new int[] {0, 1});
            DiagnosisOutput out = output(m, new float[] {0.2f, 0.6f, 0.4f, 1.0f});
            TrainingObjective objective = new TrainingObjective(LossConfig.crossEntropyOnly(), TaskType.BINARY, null);
            LossTerms terms = objective.compute(out, targets, null, null);
            assertEquals(crossEntropy(m, targets), terms.total().getFloat(), EPS);
            assertEquals(Map.of(), Map.copyOf(terms.skipped()).entrySet().stream()
                    .filter(e -> !e.getValue().equals(TrainingObjective.LAMBDA_ZERO))
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            assertEquals(5, terms.skipped().size());
        }
    }

    @Test
    void defaultsCombineTermsWithTableOneWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray targets = m.create(new int[] {0, 1});
            DiagnosisOutput out = output(m, new float[] {0.2f, 0.6f, 0.4f, 1.0f});
            DiagnosisOutput shifted = output(m, new float[] {0.0f, 0.6f, 0.0f, 0.8f});
            TrainingObjective objective = new TrainingObjective(TABLE_1, TaskType.BINARY, null);
            assertTrue(objective.needsPerturbedPass(out));
            LossTerms terms = objective.compute(out, targets,
                    new TrainingObjective.PerturbedPass(shifted, InverseMap.identity()), null);
            Map<String, Float> v = terms.values();
            // Every term reads the peak-normalised maps: image 1 [0.2, 0.6] -> [1/3, 1], image 2
            // [0.4, 1.0] -> [0.4, 1]; the perturbed maps [0, 0.6] and [0, 0.8] both -> [0, 1].
            double sparse = (1.0 / 3 + 1 + 0.4 + 1) / 4;
            double smooth = (2.0 / 3 + 0.6) / 2;
            double cons = (1.0 / 9 + 0 + 0.16 + 0) / 4;
            assertEquals(sparse, v.get(LossTerms.SPARSE), EPS);
            assertEquals(smooth, v.get(LossTerms.SMOOTH), EPS);
            assertEquals(cons, v.get(LossTerms.CONSISTENCY), EPS);
            assertEquals(crossEntropy(m, targets) + 0.01 * sparse + 0.1 * smooth + cons, v.get("total"), EPS);
            assertEquals(TrainingObjective.LAMBDA_ZERO, terms.skipped().get(LossTerms.SEGMENTATION));
        }
    }

    /**
     * Integrity issue 14, item 7: the pooling divides by the attention mass, so A and c A give the same
     * prediction; the objective must not prefer the shrunken map (on raw maps it did: every
     * attention term fell by c or c^2).
     */
    @Test
    void scalingTheAttentionAtEqualPredictionsLeavesTheLossUnchanged() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray targets = m.create(new int[] {0, 1});
            float[] a = {0.2f, 0.6f, 0.4f, 1.0f};
            float[] perturbed = {0.1f, 0.6f, 0.3f, 0.8f};
            TrainingObjective objective = new TrainingObjective(TABLE_1, TaskType.BINARY, null);
            float full = total(m, objective, targets, a, perturbed, 1f);
            for (float c : new float[] {0.5f, 0.1f, 0.01f}) {
                assertEquals(full, total(m, objective, targets, a, perturbed, c), 1e-4, "scale " + c);
            }
        }
    }

    @Test
    void aFlatMapPaysTheLargestSparsity() {
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingObjective objective = new TrainingObjective(new LossConfig(1, 0, 0, 0, 0, 0, false, 0),
                    TaskType.BINARY, null);
            LossTerms flat = objective.compute(output(m, new float[] {0.01f, 0.01f, 0.3f, 0.3f}),
                    m.create(new int[] {0, 1}), null, null);
            assertEquals(1.0, flat.values().get(LossTerms.SPARSE), 1e-3);
        }
    }

    private static float total(NDManager m, TrainingObjective objective, NDArray targets, float[] a, float[] perturbed,
            float scale) {
        float[] sa = a.clone();
        float[] sp = perturbed.clone();
        for (int i = 0; i < sa.length; i++) {
            sa[i] *= scale;
            sp[i] *= scale;
        }
        return objective.compute(output(m, sa), targets, new TrainingObjective.PerturbedPass(output(m, sp),
                InverseMap.identity()), null).total().getFloat();
    }

    @Test
    void modelsWithoutAttentionSkipAttentionTerms() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray targets = m.create(new int[] {0, 1});
            DiagnosisOutput gap = output(m, null);
            TrainingObjective objective = new TrainingObjective(TABLE_1, TaskType.BINARY, null);
            assertTrue(!objective.needsPerturbedPass(gap));
            LossTerms terms = objective.compute(gap, targets, null, null);
            assertEquals(crossEntropy(m, targets), terms.total().getFloat(), EPS);
            for (String t : new String[] {LossTerms.SPARSE, LossTerms.SMOOTH, LossTerms.CONSISTENCY}) {
                assertEquals(TrainingObjective.NO_ATTENTION, terms.skipped().get(t));
            }
            assertEquals(java.util.List.of("total", LossTerms.CLS), java.util.List.copyOf(terms.values().keySet()));
        }
    }

    @Test
    void missingPerturbedPassIsAnError() {
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingObjective objective = new TrainingObjective(TABLE_1, TaskType.BINARY, null);
            DiagnosisOutput out = output(m, new float[] {0.2f, 0.6f, 0.4f, 1.0f});
            assertThrows(IllegalArgumentException.class, () -> objective.compute(out, m.create(new int[] {0, 1}), null, null));
        }
    }

    @Test
    void configsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LossConfig(-1, 0.1, 1, 0, 0, 0, false, 0));
        assertTrue(e.getMessage().contains("loss.lambdaSparse") && e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LossConfig(0, 0, 0, 0, 0.5, 0, false, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new TrainingObjective(new LossConfig(0, 0, 0, 0, 0, 0, true, 0), TaskType.BINARY, null));
    }
}
