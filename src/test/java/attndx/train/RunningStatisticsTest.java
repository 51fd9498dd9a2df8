package attndx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import attndx.model.DiagnosisModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consistency pass on T(x) leaves batch norm's running statistics alone: after one step with
 * the consistency term they equal, bit for bit, those after the same step without it (whose only
 * forward pass is the clean one), and both differ from the initial statistics.
 */
class RunningStatisticsTest {
    @TempDir
    Path tmp;

    @Test
    void consistencyPassLeavesRunningStatisticsToTheCleanBatch() {
        Training.Plan plan = Training.plan(TrainFixtures.request(TrainFixtures.phantom(40, 5),
                TrainFixtures.config(1, 3, 1e-3), tmp));
        RunSpec withCons = plan.spec();
        assertTrue(withCons.train().loss().lambdaConsistency() > 0);
        LossConfig l = withCons.train().loss();
        RunSpec cleanOnly = new RunSpec(withCons.train().withLoss(new LossConfig(l.lambdaSparse(), l.lambdaSmooth(),
                0, 0, 0, 0, false, 0)), withCons.model(), withCons.preprocessing(), withCons.classNames(),
                withCons.trainData(), withCons.valData());
        float[] initial = runningStatistics(Training.newModel(withCons), null, null);
        float[] afterCons = runningStatistics(Training.newModel(withCons), withCons, plan.train());
        float[] afterClean = runningStatistics(Training.newModel(cleanOnly), cleanOnly, plan.train());
        assertFalse(Arrays.equals(initial, afterClean), "the step must update the running statistics");
        assertArrayEquals(afterClean, afterCons);
    }

    /** All running means and variances after one step of {@code spec} on the first 16 images (none when null). */
    private static float[] runningStatistics(DiagnosisModel model, RunSpec spec, TrainingData data) {
        try (model; NDManager run = model.model().getNDManager().newSubManager()) {
            if (spec != null) {
                TrainingStep step = TrainingStep.create(model, spec, data.classCounts(), run);
                int[] idx = new int[16];
                Arrays.setAll(idx, i -> i);
                step.run(data, idx, 1, 0, 0, 1, null);
            }
            List<Float> values = new ArrayList<>();
            for (Pair<String, Parameter> p : model.network().getParameters()) {
                Parameter.Type t = p.getValue().getType();
                if (t == Parameter.Type.RUNNING_MEAN || t == Parameter.Type.RUNNING_VAR) {
                    for (float v : p.getValue().getArray().toFloatArray()) {
                        values.add(v);
                    }
                }
            }
            assertEquals(0, values.size() % 2);
            float[] out = new float[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = values.get(i);
            }
            return out;
        }
    }
}
