package attndx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import attndx.data.Dataset;
import attndx.data.Splits;
import attndx.data.TaskType;
import attndx.model.DiagnosisOutput;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attention mining ramps in after the classifier has started to learn, and model selection waits for it. */
class MiningRampTest {
    @TempDir
    Path tmp;

    @Test
    void theFactorIsZeroThenRisesLinearlyToOne() {
        assertEquals(0, MiningRamp.factor(0, 100));
        assertEquals(0, MiningRamp.factor(20, 100));
        assertEquals(0.5, MiningRamp.factor(30, 100), 1e-12);
        assertEquals(1, MiningRamp.factor(40, 100));
        assertEquals(1, MiningRamp.factor(99, 100));
        assertFalse(MiningRamp.fullBy(1, 4), "a quarter of the steps: mining not yet at full weight");
        assertTrue(MiningRamp.fullBy(2, 4));
        assertFalse(MiningRamp.fullBy(3, 10));
        assertTrue(MiningRamp.fullBy(4, 10));
        assertTrue(MiningRamp.fullBy(1, 1), "a one-epoch run ends at full weight");
    }

    @Test
    void beforeTheRampTheTermIsSkippedWithTheReasonAndHalfwayItCountsHalf() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {2f, 0f, 0f, 1f}, new Shape(2, 2));
            logits.setName(DiagnosisOutput.LOGITS);
            NDArray a = m.create(new float[] {0.2f, 0.6f, 0.4f, 1.0f},
                    new Shape(2, 1, 1, 2));
            a.setName(DiagnosisOutput.ATTENTION);
            DiagnosisOutput out = new DiagnosisOutput(new NDList(logits, a));
            TrainingObjective objective = new TrainingObjective(new LossConfig(0, 0, 0, 0, 0, 0, false, 2),
                    TaskType.BINARY, null);
            NDArray targets = m.create(new int[] {0, 1});
            LossTerms before = objective.compute(out, targets, null, null, TrainingObjective.MiningPass.NOT_YET);
            assertEquals(TrainingObjective.RAMPING_IN, before.skipped().get(LossTerms.MINING));
            float cls = new ClassificationLoss(TaskType.BINARY, 0f, 0f, null).compute(logits, targets)
                    .getFloat();
            assertEquals(cls, before.total().getFloat(), 1e-6);
            LossTerms half = objective.compute(out, targets, null, null,
                    new TrainingObjective.MiningPass(logits, logits, 0.5));
            float mine = half.values().get(LossTerms.MINING);
            assertEquals(cls + 0.5 * 2 * mine, half.total().getFloat(), 1e-5);
        }
    }

    @Test
    void modelSelectionSkipsEpochsBeforeFullWeightOnlyWhenMiningIsOn() {
        Dataset data = TrainFixtures.phantom(48, 3);
        TrainConfig cfg = TrainFixtures.config(3, 1, 2e-3);
        TrainingResult mined = TrainFixtures.train(TrainFixtures.request(data, cfg, tmp.resolve("mined")));
        assertFalse(mined.epochs().get(0).best(), "epoch 1 of 3 ends before mining's full weight: never kept");
        assertTrue(mined.bestEpoch() >= 2, "best epoch " + mined.bestEpoch());
        ModelConfig gap = ModelPresets.create("gap", 18, 8, ModelConfig.Stem.SMALL_INPUT, 1, 2);
        TrainingResult plain = TrainFixtures.train(new Training.Request(data.split(Splits.TRAIN),
                data.split(Splits.VAL), gap, TrainFixtures.preprocessing(), cfg, tmp.resolve("gap")));
        assertTrue(plain.epochs().get(0).best(), "no attention, no mining: the first epoch is the first best");
    }
}
