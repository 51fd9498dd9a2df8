package attndx.calibrate;

import attndx.data.TaskType;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects logits and labels batch by batch (e.g. during a validation pass) and hands them to the
 * pure metric functions as one {@link Predictions}: the accumulator half of "metric = pure function
 * plus accumulator". Not thread-safe; one per evaluation loop.
 */
public final class PredictionAccumulator {
    private final TaskType task;
    private final List<double[]> logits = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();
    private final List<boolean[]> multiLabels = new ArrayList<>();

    /** An empty accumulator for {@code task}. */
    public PredictionAccumulator(TaskType task) {
        this.task = task;
    }

    /** Adds a batch of single-label predictions (binary or multi-class). */
    public void update(float[][] batchLogits, int[] batchLabels) {
        if (task == TaskType.MULTILABEL || batchLogits.length != batchLabels.length) {
            throw new IllegalArgumentException("batch of " + batchLogits.length + " logit rows and "
                    + batchLabels.length + " labels for task " + task);
        }
        for (int i = 0; i < batchLogits.length; i++) {
            logits.add(Predictions.widen(new float[][] {batchLogits[i]})[0]);
            labels.add(batchLabels[i]);
        }
    }

    /** Adds a batch of multi-label predictions. */
    public void update(float[][] batchLogits, boolean[][] present) {
        if (task != TaskType.MULTILABEL || batchLogits.length != present.length) {
            throw new IllegalArgumentException("batch of " + batchLogits.length + " logit rows and "
                    + present.length + " multi-label rows for task " + task);
        }
        for (int i = 0; i < batchLogits.length; i++) {
            logits.add(Predictions.widen(new float[][] {batchLogits[i]})[0]);
            multiLabels.add(present[i].clone());
        }
    }

    /** Forgets everything added so far. */
    public void reset() {
        logits.clear();
        labels.clear();
        multiLabels.clear();
    }

    /** Everything added since the last reset, validated. */
    public Predictions aggregate() {
        double[][] l = logits.toArray(new double[0][]);
        if (task == TaskType.MULTILABEL) {
            return Predictions.multiLabel(l, multiLabels.toArray(new boolean[0][]));
        }
        return Predictions.singleLabel(task, l, labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
