package attndx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * L_smooth of seed section 5.5, anisotropic total variation normalised to means:
 * {@code mean |A_{i+1,j} - A_{i,j}| + mean |A_{i,j+1} - A_{i,j}|}, the first mean over the
 * B x M x (h-1) x w vertical neighbour pairs, the second over the B x M x h x (w-1) horizontal ones
 * (a direction with a single row or column contributes 0). {@link TrainingObjective} applies it to
 * the peak-normalised map, so it does not fall when the whole map shrinks.
 */
public final class SmoothnessLoss {
    private SmoothnessLoss() {}

    /** The scalar loss of B x M x h x w maps. */
    public static NDArray compute(NDArray attention) {
        long h = attention.getShape().get(2);
        long w = attention.getShape().get(3);
        NDArray total = attention.getManager().zeros(new Shape(), attention.getDataType(),
                attention.getDevice());
        if (h > 1) {
            total = total.add(attention.get(":, :, 1:, :").sub(attention.get(":, :, :-1, :")).abs().mean());
        }
        if (w > 1) {
            total = total.add(attention.get(":, :, :, 1:").sub(attention.get(":, :, :, :-1")).abs().mean());
        }
        return total;
    }
}
