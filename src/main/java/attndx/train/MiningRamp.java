package attndx.train;

/**
 * When attention mining weighs in: not at all during the first {@value #START} of the training steps, then linearly
 * up to its full weight at {@value #FULL} of them. While the attention is still random, mining asks the classifier to
 * call images with a random part erased normal and abnormal at once; at weight 0.4 from the first step that kept two
 * of four phantom attention classifiers from learning (test AUC 0.71). GAIN likewise trains its classifier before
 * mining. Model selection picks only epochs that end at full weight, so a model from before the ramp, which mining has
 * not shaped, is never the one kept (docs/faithfulness.md).
 */
public final class MiningRamp {
    /** The share of the training steps before mining starts. */
    public static final double START = 0.2;
    /** The share of the training steps from which mining has its full weight. */
    public static final double FULL = 0.4;

    private MiningRamp() {}

    /** The factor on lambda_am at step {@code step} (from 0) of {@code totalSteps}: 0, rising linearly, then 1. */
    public static double factor(long step, long totalSteps) {
        double progress = (double) step / Math.max(1, totalSteps);
        return Math.max(0, Math.min(1, (progress - START) / (FULL - START)));
    }

    /** Whether epoch {@code epoch} (from 1) of {@code epochs} ends at full weight: only those may be selected. */
    public static boolean fullBy(int epoch, int epochs) {
        return (double) epoch / epochs >= FULL;
    }
}
