package attndx.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import attndx.core.NativeWork;

/**
 * A plain supervised step (softmax cross-entropy on the logits + Adam) over a {@link DiagnosisModel}, for
 * the throughput benchmark and the model's own learning test. The real training loop, with the
 * attention losses of paper 5.5, lives in {@code attndx.train}. Owns one DJL Trainer: close it.
 */
public final class ClassificationStep implements AutoCloseable {
    private final Trainer trainer;

    /** Adam with the given learning-rate schedule (e.g. {@code Tracker.fixed(1e-3f)}). */
    public ClassificationStep(DiagnosisModel model, Tracker learningRate) {
        trainer = model.model().newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(learningRate).build()));
    }

    /**
     * One forward/backward/update on a batch; returns the loss. Everything the step creates lives in
     * a sub-manager closed before returning.
     */
    public float step(float[] images, float[] labels, Shape shape) {
        try (NativeWork.Pass pass = NativeWork.enter(); NDManager batch = trainer.getManager().newSubManager()) {
            NDArray x = batch.create(images, shape);
            NDArray y = batch.create(labels);
            float loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList out = trainer.forward(new NDList(x));
                NDArray l = trainer.getLoss().evaluate(new NDList(y),
                        new NDList(new DiagnosisOutput(out).logits()));
                gc.backward(l);
                loss = l.getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    @Override
    public void close() {
        trainer.close();
    }
}
