package attndx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Batched image operations shared by perturbations and augmentation. Images are B x C x H x W in
 * [0, 1]; per-sample parameters come as Java arrays of length B and are applied with broadcasting,
 * so each operation is a handful of engine ops whatever the batch size. Results are attached to the
 * images' manager and clipped back to [0, 1].
 */
final class ImageOps {
    private ImageOps() {}

    /** Per-sample, per-channel mean, B x C x 1 x 1. */
    static NDArray channelMean(NDArray images) {
        Shape s = images.getShape();
        // PyTorch's DJL mean reduces one axis at a time: flatten the plane first
        return images.reshape(s.get(0), s.get(1), -1).mean(new int[] {2}, true).reshape(s.get(0), s.get(1), 1, 1);
    }

    /** A B x 1 x 1 x 1 array holding one value per sample. */
    static NDArray perSample(NDArray images, float[] values) {
        return images.getManager().create(values, new Shape(values.length, 1, 1, 1));
    }

    /** Contrast scaling about the per-sample channel mean: {@code m + f (x - m)}. */
    static NDArray contrast(NDArray images, float[] factors) {
        NDArray mean = channelMean(images);
        return images.sub(mean).mul(perSample(images, factors)).add(mean).clip(0, 1);
    }

    /** Brightness shift {@code x + s}. */
    static NDArray brightness(NDArray images, float[] shifts) {
        return images.add(perSample(images, shifts)).clip(0, 1);
    }

    /** Gamma correction {@code x^g}. */
    static NDArray gamma(NDArray images, float[] gammas) {
        return images.clip(0, 1).pow(perSample(images, gammas));
    }

    /**
     * Additive Gaussian noise with per-sample standard deviation. The noise is drawn on the Java
     * side from {@code rng} (one bulk array per batch) because engine random streams are global
     * state and would not follow the per-batch seed.
     */
    static NDArray noise(NDArray images, float[] sigmas, Random rng) {
        long perSample = images.getShape().size() / sigmas.length;
        float[] eps = new float[(int) images.getShape().size()];
        for (int i = 0; i < eps.length; i++) {
            eps[i] = (float) rng.nextGaussian() * sigmas[(int) (i / perSample)];
        }
        return images.add(images.getManager().create(eps, images.getShape())).clip(0, 1);
    }

    /** Sets the square {@code [top, top+side) x [left, left+side)} of each sample to its channel mean. */
    static NDArray occlude(NDArray images, int[] top, int[] left, int[] side) {
        Shape s = images.getShape();
        NDManager m = images.getManager();
        NDArray rows = within(m, s.get(2), top, side).reshape(s.get(0), 1, s.get(2), 1);
        NDArray cols = within(m, s.get(3), left, side).reshape(s.get(0), 1, 1, s.get(3));
        NDArray mask = rows.mul(cols);
        return images.mul(mask.neg().add(1)).add(channelMean(images).mul(mask));
    }

    /** B x n float indicator of {@code start[b] <= i < start[b] + len[b]}. */
    private static NDArray within(NDManager m, long n, int[] start, int[] len) {
        NDArray index = m.arange(0f, (float) n).reshape(1, n);
        float[] lo = new float[start.length];
        float[] hi = new float[start.length];
        for (int b = 0; b < start.length; b++) {
            lo[b] = start[b];
            hi[b] = start[b] + len[b];
        }
        NDArray from = m.create(lo, new Shape(start.length, 1));
        NDArray to = m.create(hi, new Shape(start.length, 1));
        return index.gte(from).logicalAnd(index.lt(to)).toType(DataType.FLOAT32, false);
    }

    /**
     * Resamples the images through {@code sourceOf} (see {@link AffineWarp}) and fills pixels
     * without a source with the sample's channel mean, a neutral value that adds no hard edge.
     */
    static NDArray warpFilled(NDArray images, Affine2D[] sourceOf) {
        WarpResult r = AffineWarp.warp(images, sourceOf);
        return r.values().add(channelMean(images).mul(r.valid().neg().add(1)));
    }
}
