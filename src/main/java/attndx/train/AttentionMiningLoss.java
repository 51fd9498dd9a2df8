package attndx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import attndx.core.Scalars;
import attndx.data.TaskType;
import attndx.model.SpatialMaps;

/**
 * Attention mining (GAIN, Li et al. 2018): the image with its attended region erased must no longer show the finding.
 * The fused map, divided by its peak and resized to the input, becomes a soft mask
 * {@code T = sigmoid(w (A~ - s))} ({@value #SHARPNESS}, {@value #THRESHOLD}); the erased image is
 * {@code x (1 - T)} in normalised intensities (0 there is the deletion check's fill), and
 * {@code L_mine} = the mean probability, on erased images, of each finding the image has (single-label: its label
 * when it is not class 0, the "normal" class by convention; multi-label: each positive label). Images without a
 * finding do not count: erasing "normal" evidence has no meaning. Minimising it moves the attention onto all of the
 * evidence the classifier uses, which is what the deletion check measures (docs/faithfulness.md).
 */
public final class AttentionMiningLoss {
    /** GAIN's sharpness w of the soft mask. */
    static final float SHARPNESS = 10f;
    /** GAIN's threshold s of the soft mask, on the peak-normalised map. */
    static final float THRESHOLD = 0.5f;

    private AttentionMiningLoss() {}

    /** {@code x} (B x C x H x W, normalised) with the region attended by {@code attention} (B x 1 x h x w) erased. */
    public static NDArray erase(NDArray x, NDArray attention) {
        Shape s = x.getShape();
        NDArray a = SpatialMaps.bilinear(TrainingObjective.peakNormalised(attention), s.get(2), s.get(3));
        NDArray t = Activation.sigmoid(a.sub(Scalars.like(a, THRESHOLD)).mul(Scalars.like(a, SHARPNESS)));
        return x.mul(Scalars.like(t, 1f).sub(t));
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
