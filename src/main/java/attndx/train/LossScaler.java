package attndx.train;

/**
 * Dynamic loss scaling for float16 training (Micikevicius et al., "Mixed Precision Training", 2018, as
 * PyTorch's GradScaler): the loss is multiplied by {@link #scale()} before back-propagation so small
 * gradients survive float16; the optimiser divides the gradients by it again. A step whose gradients
 * contain Inf or NaN is skipped and the scale halved; after {@code growthInterval} finite steps in a
 * row the scale doubles. The state is saved with each checkpoint so a resumed run scales as the
 * uninterrupted one.
 */
public final class LossScaler {
    /** PyTorch's GradScaler defaults. */
    public static final float INITIAL_SCALE = 65536f;
    public static final int GROWTH_INTERVAL = 2000;

    private final int growthInterval;
    private float scale;
    private int goodSteps;
    private long skippedSteps;

    /** The state that a checkpoint keeps. */
    public record State(float scale, int goodSteps, long skippedSteps) {}

    public LossScaler(float initialScale, int growthInterval) {
        if (!(initialScale >= 1 && Float.isFinite(initialScale))) {
            throw new IllegalArgumentException("loss scale must be a finite number >= 1, got " + initialScale);
        }
        if (growthInterval < 1) {
            throw new IllegalArgumentException("loss scale growth interval must be >= 1, got " + growthInterval);
        }
        this.scale = initialScale;
        this.growthInterval = growthInterval;
    }

    /** The factor applied to the loss of the next step. */
    public float scale() {
        return scale;
    }

    /** Steps skipped so far because their gradients overflowed. */
    public long skippedSteps() {
        return skippedSteps;
    }

    /**
     * Records the outcome of a step: returns true when its update may be applied (gradients finite).
     * The scale never falls below 1: below that it would only shrink gradients further.
     */
    public boolean stepFinished(boolean gradientsFinite) {
        if (!gradientsFinite) {
            scale = Math.max(1f, scale / 2);
            goodSteps = 0;
            skippedSteps++;
            return false;
        }
        if (++goodSteps >= growthInterval) {
            float grown = scale * 2;
            scale = Float.isFinite(grown) ? grown : scale;
            goodSteps = 0;
        }
        return true;
    }

    public State state() {
        return new State(scale, goodSteps, skippedSteps);
    }

    public void restore(State s) {
        scale = s.scale();
        goodSteps = s.goodSteps();
        skippedSteps = s.skippedSteps();
    }
}
