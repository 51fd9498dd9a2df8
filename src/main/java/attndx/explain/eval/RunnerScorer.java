package attndx.explain.eval;

import attndx.kernels.ModelRunner;
import attndx.model.Prediction;

/**
 * A {@link TargetScorer} over a {@link ModelRunner}: probabilities at the model's temperature, the images
 * forwarded in the runner's batch size.
 */
public final class RunnerScorer implements TargetScorer {
    private final ModelRunner runner;
    private final int channels;
    private final int height;
    private final int width;

    /** Scores C x H x W images through {@code runner} (which the caller closes). */
    public RunnerScorer(ModelRunner runner, int channels, int height, int width) {
        this.runner = runner;
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    @Override
    public float[] score(float[][] images, int[] targets) {
        Prediction p = runner.predict(images, channels, height, width);
        float[] out = new float[images.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.probabilities()[i][targets[i]];
        }
        return out;
    }
}
