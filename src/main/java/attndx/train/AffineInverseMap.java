package attndx.train;

import ai.djl.ndarray.NDArray;

/**
 * Pi for geometric perturbations. The perturbation moved image content at {@code p} to
 * {@code forward[b](p)} (image pixel coordinates), so the attention of the perturbed image at
 * {@code forward[b](p)} belongs to reference pixel {@code p}: Pi reads it there, after re-expressing
 * the map on the attention grid ({@link Affine2D#rescaled}). Integer attention-grid shifts and flips
 * are exact copies; rotations and scalings are bilinear.
 */
public final class AffineInverseMap implements InverseMap {
    private final Affine2D[] forward;
    private final int imageHeight;
    private final int imageWidth;

    /**
     * @param forward per-sample map from reference to perturbed image coordinates
     * @param imageHeight height of the perturbed images
     * @param imageWidth width of the perturbed images
     */
    public AffineInverseMap(Affine2D[] forward, int imageHeight, int imageWidth) {
        this.forward = forward.clone();
        this.imageHeight = imageHeight;
        this.imageWidth = imageWidth;
    }

    @Override
    public WarpResult toReference(NDArray attention) {
        int h = (int) attention.getShape().get(2);
        int w = (int) attention.getShape().get(3);
        Affine2D[] onGrid = new Affine2D[forward.length];
        for (int i = 0; i < forward.length; i++) {
            onGrid[i] = forward[i].rescaled(imageHeight, imageWidth, h, w);
        }
        return AffineWarp.warp(attention, onGrid);
    }
}
