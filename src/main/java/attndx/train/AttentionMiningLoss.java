package attndx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import attndx.core.Scalars;
import attndx.data.TaskType;
import attndx.model.SpatialMaps;

/**
 * Attention mining: the image with the most attended part of it erased must no longer show the finding. The idea is
 * GAIN's (Li et al. 2018); the mask is not. GAIN erases where the peak-normalised map exceeds a fixed threshold, so
 * the erased area is whatever the map's shape makes it. Here each image gets a random fraction k in
 * [{@value #MIN_FRACTION}, {@value #MAX_FRACTION}] and the mask erases the top k of the map's pixels at input
 * resolution, which is one point of the deletion curve: {@code T = sigmoid((A - q) / tau)} with q between the
 * k-th and (k+1)-th highest values of A and tau = {@value #SOFTNESS} of the map's range (q and tau carry no
 * gradient, so only the order of A around q is trained, not its scale). The erased image is {@code x (1 - T)} in
 * normalised intensities (0 there is the deletion check's fill), and {@code L_mine} = the mean probability, on erased
 * images, of each finding the image has (single-label: its label when it is not class 0, the "normal" class by
 * convention; multi-label: each positive label). Images without a finding do not count: erasing "normal" evidence
 * has no meaning. The gradient reaches the map through the erased images (the trainer runs that pass with
 * {@code DiagnosisNetwork.INPUT_GRADIENT}). On PneumoniaMNIST the attention of models trained with it deleted faster
 * than a random map and the centre prior in every run (docs/faithfulness.md).
 */
public final class AttentionMiningLoss {
    /** The smallest fraction of pixels erased. */
    static final float MIN_FRACTION = 0.1f;
    /** The largest fraction of pixels erased. */
    static final float MAX_FRACTION = 0.9f;
    /** The mask's softness, as a fraction of the map's range per image. */
    static final float SOFTNESS = 0.05f;

    private AttentionMiningLoss() {}

    /**
     * {@code x} (B x C x H x W, normalised) with the top fraction of the pixels of {@code attention} (B x 1 x h x w,
     * resized to H x W) erased, a fraction per image drawn uniformly from [{@value #MIN_FRACTION},
     * {@value #MAX_FRACTION}] with the engine's random generator. With one map per class (B x K x h x w), each image's
     * map is its label's (multi-label: the sum of its positive labels' maps).
     *
     * @param targets class indices (B) or multi-hot (B x K)
     */
    public static NDArray erase(NDArray x, NDArray attention, NDArray targets) {
        NDManager m = x.getManager();
        NDArray fractions = m.randomUniform(MIN_FRACTION, MAX_FRACTION, new Shape(x.getShape().get(0)));
        NDArray t = mask(findingMap(attention, targets), x.getShape().get(2), x.getShape().get(3), fractions);
        return x.mul(Scalars.like(t, 1f).sub(t));
    }

    /** B x 1 x h x w: {@code attention} itself when it is one map, else each image's label's map (see {@link #erase}). */
    static NDArray findingMap(NDArray attention, NDArray targets) {
        long maps = attention.getShape().get(1);
        if (maps == 1) {
            return attention;
        }
        NDArray w = targets.getShape().dimension() == 1
                ? targets.toType(DataType.INT32, false).oneHot((int) maps).toType(DataType.FLOAT32, false)
                : targets.toType(DataType.FLOAT32, false);
        return attention.mul(w.reshape(attention.getShape().get(0), maps, 1, 1)).sum(new int[] {1}, true);
    }

    /**
     * The soft mask (B x 1 x H x W, values in (0, 1)) over the top {@code fractions[i]} of image i's pixels of
     * {@code attention} resized to H x W: at least one pixel and all but one are marked.
     */
    static NDArray mask(NDArray attention, long height, long width, NDArray fractions) {
        long b = attention.getShape().get(0);
        long n = height * width;
        NDArray a = SpatialMaps.bilinear(attention, height, width);
        NDArray sorted = a.stopGradient().reshape(b, n).sort(1);
        // m pixels erased: the threshold lies between ascending positions n - m - 1 and n - m.
        NDArray erased = fractions.mul(Scalars.like(fractions, n)).round()
                .clip(1, n - 1).toType(DataType.INT64, false).reshape(b, 1);
        NDArray above = Scalars.like(erased, n).sub(erased);
        NDArray below = above.sub(Scalars.like(above, 1));
        NDArray q = sorted.gather(below, 1).add(sorted.gather(above, 1)).mul(Scalars.like(sorted, 0.5f))
                .reshape(b, 1, 1, 1);
        NDArray range = sorted.get(":, -1").sub(sorted.get(":, 0")).reshape(b, 1, 1, 1);
        NDArray tau = range.mul(Scalars.like(range, SOFTNESS)).add(Scalars.like(range, SpatialMaps.EPS));
        return Activation.sigmoid(a.sub(q).div(tau));
    }

    /**
     * L_mine from the logits on erased images and the batch's targets (class indices B, or multi-hot B x K); 0 when
     * no image of the batch has a finding.
     */
    public static NDArray compute(NDArray erasedLogits, NDArray targets, TaskType task) {
        NDArray probability;
        NDArray finding;
        if (task == TaskType.MULTILABEL) {
            finding = targets.toType(DataType.FLOAT32, false);
            probability = Activation.sigmoid(erasedLogits).mul(finding);
        } else {
            NDArray labels = targets.toType(DataType.INT32, false);
            NDArray oneHot = labels.oneHot((int) erasedLogits.getShape().get(1)).toType(DataType.FLOAT32, false);
            finding = labels.gt(0).toType(DataType.FLOAT32, false);
            probability = erasedLogits.softmax(1).mul(oneHot).sum(new int[] {1}).mul(finding);
        }
        NDArray count = finding.sum();
        return probability.sum().div(count.add(Scalars.like(count, 1e-6f)));
    }
}
