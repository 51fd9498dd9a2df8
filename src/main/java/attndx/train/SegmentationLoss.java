package attndx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * Optional loss of the segmentation head: binary cross-entropy with logits over the pixels of the
 * samples that have a mask, {@code sum_b r_b mean_{ij} bce(z_bij, y_bij) / max(1, sum_b r_b)}, with
 * {@code r_b} = 1 when sample b has a mask (else 0) and
 * {@code bce(z, y) = y softplus(-z) + (1 - y) softplus(z)} (stable form). A batch without masks
 * gives 0.
 */
public final class SegmentationLoss {
    private SegmentationLoss() {}

    /**
     * @param logits mask logits, B x 1 x H x W
     * @param masks target masks in [0, 1], B x 1 x H x W (any values where {@code present} is 0)
     * @param present B, 1 where the sample has a mask
     */
    public static NDArray compute(NDArray logits, NDArray masks, NDArray present) {
        if (!logits.getShape().equals(masks.getShape()) || present.getShape().size() != logits.getShape().get(0)) {
            throw new IllegalArgumentException("segmentation loss expects logits and masks B x 1 x H x W and present B,"
                    + " got " + logits.getShape() + ", " + masks.getShape() + ", " + present.getShape());
        }
        NDArray bce = masks.mul(Activation.softPlus(logits.neg()))
                .add(masks.neg().add(1).mul(Activation.softPlus(logits)));
        NDArray perSample = bce.reshape(bce.getShape().get(0), -1).mean(new int[] {1});
        NDArray r = present.toType(perSample.getDataType(), false).reshape(perSample.getShape());
        return perSample.mul(r).sum().div(r.sum().maximum(1f));
    }
}
