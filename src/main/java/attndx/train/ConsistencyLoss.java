package attndx.train;

import ai.djl.ndarray.NDArray;

/**
 * L_cons = ||A(x) - Pi(A(T(x)))||_2^2 of seed section 5.5, as a mean squared error over valid
 * pixels: {@code sum_{b,m,i,j} v_{bij} (A_{bmij} - Pi_{bmij})^2 / (M sum_{b,i,j} v_{bij})}, where
 * {@code v} is Pi's validity mask (0 where the reference pixel's source lay outside the perturbed
 * frame, e.g. content shifted in from beyond the border). With no valid pixel the loss is 0.
 * {@link TrainingObjective} passes both maps peak-normalised, so shrinking them does not lower it.
 */
public final class ConsistencyLoss {
    private ConsistencyLoss() {}

    /**
     * @param reference A(x), B x M x h x w
     * @param mapped Pi(A(T(x))) with its validity mask (B x 1 x h x w)
     */
    public static NDArray compute(NDArray reference, WarpResult mapped) {
        if (!reference.getShape().equals(mapped.values().getShape())) {
            throw new IllegalArgumentException("consistency loss needs A(x) and Pi(A(T(x))) of one shape, got "
                    + reference.getShape() + " and " + mapped.values().getShape());
        }
        long maps = reference.getShape().get(1);
        NDArray squared = reference.sub(mapped.values()).square().mul(mapped.valid());
        return squared.sum().div(mapped.valid().sum().mul(maps).maximum(1f));
    }
}
