package attndx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import attndx.data.TaskType;
import attndx.model.DiagnosisOutput;
import org.junit.jupiter.api.Test;

/** Attention mining by hand: the soft erasing mask, the probability of the finding on erased images, the objective. */
class AttentionMiningLossTest {
    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void erasingKeepsWhatIsNotAttendedAndRemovesThePeak() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {2, 2, 2, 2}, new Shape(1, 1, 2, 2));
            // peak 0.8 -> normalised 1, 0.4 -> 0.5 (the threshold), 0 -> 0
            NDArray a = m.create(new float[] {0.8f, 0.4f, 0f, 0f}, new Shape(1, 1, 2, 2));
            float[] got = AttentionMiningLoss.erase(x, a).toFloatArray();
            float[] want = new float[4];
            double[] normalised = {1, 0.5, 0, 0};
            for (int i = 0; i < 4; i++) {
                want[i] = (float) (2 * (1 - sigmoid(10 * (normalised[i] - 0.5))));
            }
            assertArrayEquals(want, got, 1e-4f);
            assertEquals(1.0, got[1], 1e-4, "at the threshold half of the pixel is erased");
        }
    }

    @Test
    void theTermIsTheMeanProbabilityOfEachFindingOnErasedImages() {
        try (NDManager m = NDManager.newBaseManager()) {
            // labels 1, 0, 1: the normal image does not count; p(1) = 0.5 and 0.75
            NDArray logits = m.create(new float[] {0, 0, 5, 0, 0, (float) Math.log(3)}, new Shape(3, 2));
            assertEquals(0.625, AttentionMiningLoss.compute(logits, m.create(new int[] {1, 0, 1}), TaskType.BINARY)
                    .getFloat(), 1e-5);
            assertEquals(0, AttentionMiningLoss.compute(logits, m.create(new int[] {0, 0, 0}), TaskType.BINARY)
                    .getFloat(), 1e-5, "no finding in the batch: nothing to mine");
            NDArray multi = m.create(new float[] {0, 9, 9, (float) Math.log(3)}, new Shape(2, 2));
            NDArray hot = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
            assertEquals(0.625, AttentionMiningLoss.compute(multi, hot, TaskType.MULTILABEL).getFloat(), 1e-5,
                    "each positive label's sigmoid");
        }
    }

    @Test
    void theObjectiveAddsItWithItsWeightAndNeedsTheErasedPass() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {2f, 0f, 0f, 1f}, new Shape(2, 2));
            logits.setName(DiagnosisOutput.LOGITS);
            NDArray a = m.create(new float[] {0.2f, 0.6f, 0.4f, 1.0f}, new Shape(2, 1, 1, 2));
            a.setName(DiagnosisOutput.ATTENTION);
            DiagnosisOutput out = new DiagnosisOutput(new NDList(logits, a));
            NDArray erasedLogits = m.create(new float[] {0f, 0f, 0f, (float) Math.log(3)}, new Shape(2, 2));
            erasedLogits.setName(DiagnosisOutput.LOGITS);
            DiagnosisOutput erased = new DiagnosisOutput(new NDList(erasedLogits));
            LossConfig c = new LossConfig(0, 0, 0, 0, 0, 0, false, 2);
            TrainingObjective objective = new TrainingObjective(c, TaskType.BINARY, null);
            NDArray targets = m.create(new int[] {0, 1});
            assertTrue(objective.needsErasedPass(out));
            LossTerms terms = objective.compute(out, targets, null, null, new TrainingObjective.ErasedPass(erased));
            assertEquals(0.75, terms.values().get(LossTerms.MINING), 1e-5);
            float cls = new ClassificationLoss(TaskType.BINARY, 0f, 0f, null).compute(logits, targets).getFloat();
            assertEquals(cls + 2 * 0.75, terms.total().getFloat(), 1e-5);
            assertThrows(IllegalArgumentException.class, () -> objective.compute(out, targets, null, null));
        }
    }
}
