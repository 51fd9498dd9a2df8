package attndx.train;

import ai.djl.ndarray.NDArray;

/**
 * L_sparse = ||A||_1 of seed section 5.5, normalised to a mean: {@code mean_{b,m,i,j} |A_{bmij}|}
 * over the B x M x h x w attention maps. The mean (not the sum) keeps lambda_sp = 0.01 meaningful
 * at any resolution and batch size; for maps in [0, 1] it is the mean attention value.
 * {@link TrainingObjective} applies it to the peak-normalised map, where it is the share of the
 * image attended relative to the peak (1 for a flat map).
 */
public final class SparsityLoss {
    private SparsityLoss() {}

    /** The scalar loss of B x M x h x w maps. */
    public static NDArray compute(NDArray attention) {
        return attention.abs().mean();
    }
}
