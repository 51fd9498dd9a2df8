package attndx.train;

import ai.djl.ndarray.NDArray;
import attndx.core.AttndxException;
import java.util.Random;

/**
 * Applies {@link AugmentConfig} to a training batch (images in [0, 1], B x C x H x W, before
 * intensity normalisation), with per-sample parameters from the batch's own random stream
 * ({@link BatchSeeds}). Geometry (crop-and-resize, then rotation, then optional flip) is one affine
 * warp per sample, bilinear, with pixels from outside the frame set to the sample's channel mean;
 * masks, when given, follow the same warp (outside pixels 0). Then brightness, contrast and, for
 * RGB, stain jitter.
 */
public final class Augmenter {

    /**
     * An augmented batch.
     *
     * @param images the augmented images
     * @param masks the masks warped like the images, or null when none were given
     */
    public record Augmented(NDArray images, NDArray masks) {}

    private final AugmentConfig config;

    public Augmenter(AugmentConfig config) {
        this.config = config;
    }

    /** Augments batch {@code batch} of {@code epoch}; {@code masks} (B x 1 x H x W) may be null. */
    public Augmented augment(NDArray images, NDArray masks, long epoch, long batch) {
        if (config.stainSigma() > 0 && images.getShape().get(1) != 3) {
            throw new AttndxException("augment.stainSigma = " + config.stainSigma() + " needs RGB images (C = 3),"
                    + " found C = " + images.getShape().get(1) + "; set stainSigma to 0");
        }
        Random rng = BatchSeeds.of(config.seed(), epoch, batch);
        int n = (int) images.getShape().get(0);
        Affine2D[] sourceOf = new Affine2D[n];
        for (int b = 0; b < n; b++) {
            sourceOf[b] = forwardMap(rng, (int) images.getShape().get(2), (int) images.getShape().get(3)).inverse();
        }
        NDArray out = ImageOps.warpFilled(images, sourceOf);
        NDArray warpedMasks = masks == null ? null : AffineWarp.warp(masks, sourceOf).values();
        out = ImageOps.brightness(out, Perturbations.draw(rng, out, -config.brightnessDelta(), config.brightnessDelta()));
        out = ImageOps.contrast(out, Perturbations.draw(rng, out, 1 - config.contrastDelta(), 1 + config.contrastDelta()));
        if (config.stainSigma() > 0) {
            out = StainJitter.apply(out, config.stainSigma(), rng);
        }
        return new Augmented(out, warpedMasks);
    }

    /**
     * Reference-to-augmented map of one sample: the crop of side {@code s H} centred at
     * {@code c + o} (kept inside the image: {@code |o| <= (1 - s)(H - 1)/2}) is enlarged to the full
     * frame, then rotated, then possibly mirrored.
     */
    private Affine2D forwardMap(Random rng, int h, int w) {
        double scale = Perturbations.uniform(rng, config.cropScaleMin(), 1);
        double oy = Perturbations.uniform(rng, -1, 1) * (1 - scale) * (h - 1) / 2;
        double ox = Perturbations.uniform(rng, -1, 1) * (1 - scale) * (w - 1) / 2;
        double degrees = Perturbations.uniform(rng, -config.rotationDegrees(), config.rotationDegrees());
        Affine2D map = Affine2D.translation(-oy, -ox).then(Affine2D.scaling(1 / scale, h, w))
                .then(Affine2D.rotation(degrees, h, w));
        return config.horizontalFlip() && rng.nextBoolean() ? map.then(Affine2D.horizontalFlip(w)) : map;
    }
}
