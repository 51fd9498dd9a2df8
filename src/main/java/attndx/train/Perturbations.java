package attndx.train;

import ai.djl.ndarray.NDArray;
import java.util.Random;

/**
 * The perturbation operators of seed sections 5.5, 9.2 and A.2, each with parameters drawn per
 * sample: uniform in the stated ranges. Geometric ones (rotation, translation, flip, resize) come
 * with an affine Pi; photometric ones (contrast, gamma, noise, occlusion) with the identity.
 */
public final class Perturbations {
    private Perturbations() {}

    /** Rotation about the image centre by an angle uniform in [-maxDegrees, maxDegrees]; Pi bilinear. */
    public static Perturbation rotation(double maxDegrees) {
        return new GeometricPerturbation("rotation",
                (rng, h, w) -> Affine2D.rotation(uniform(rng, -maxDegrees, maxDegrees), h, w));
    }

    /**
     * Shift by {@code stride * (ky, kx)} image pixels, {@code ky, kx} uniform integers with
     * {@code |k| stride <= maxPixels}. With {@code stride} equal to the image-to-attention
     * downsampling factor H/h, the shift is a whole number of attention pixels and Pi is exact.
     */
    public static Perturbation translation(int maxPixels, int stride) {
        int kMax = maxPixels / stride;
        return new GeometricPerturbation("translation", (rng, h, w) -> Affine2D.translation(
                stride * (rng.nextInt(2 * kMax + 1) - kMax), stride * (rng.nextInt(2 * kMax + 1) - kMax)));
    }

    /** Left-right mirror of every sample (it has no parameter); Pi exact. */
    public static Perturbation horizontalFlip() {
        return new GeometricPerturbation("flip", (rng, h, w) -> Affine2D.horizontalFlip(w));
    }

    /** Zoom about the centre by a factor uniform in [1 - maxDelta, 1 + maxDelta] (A.2 "mild resizing"). */
    public static Perturbation resize(double maxDelta) {
        return new GeometricPerturbation("resize",
                (rng, h, w) -> Affine2D.scaling(uniform(rng, 1 - maxDelta, 1 + maxDelta), h, w));
    }

    /** Contrast scaling about the channel mean by a factor uniform in [1 - maxDelta, 1 + maxDelta]. */
    public static Perturbation contrast(double maxDelta) {
        return new PhotometricPerturbation("contrast",
                (x, rng) -> ImageOps.contrast(x, draw(rng, x, 1 - maxDelta, 1 + maxDelta)));
    }

    /** Gamma {@code x^g} with {@code ln g} uniform in [-ln(1 + maxDelta), ln(1 + maxDelta)]. */
    public static Perturbation gamma(double maxDelta) {
        double r = Math.log1p(maxDelta);
        return new PhotometricPerturbation("gamma", (x, rng) -> {
            float[] g = draw(rng, x, -r, r);
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) Math.exp(g[i]);
            }
            return ImageOps.gamma(x, g);
        });
    }

    /** Additive Gaussian noise, standard deviation uniform in [0, maxStd] per sample. */
    public static Perturbation noise(double maxStd) {
        return new PhotometricPerturbation("noise", (x, rng) -> ImageOps.noise(x, draw(rng, x, 0, maxStd), rng));
    }

    /**
     * One square per sample set to the sample's channel mean; its side is uniform in
     * [maxFraction/2, maxFraction] of the shorter image side (at least 1 pixel), its position uniform
     * inside the frame.
     */
    public static Perturbation occlusion(double maxFraction) {
        return new PhotometricPerturbation("occlusion", (x, rng) -> {
            int batch = (int) x.getShape().get(0);
            int h = (int) x.getShape().get(2);
            int w = (int) x.getShape().get(3);
            int[] top = new int[batch];
            int[] left = new int[batch];
            int[] side = new int[batch];
            for (int b = 0; b < batch; b++) {
                side[b] = Math.max(1, (int) Math.round(uniform(rng, maxFraction / 2, maxFraction) * Math.min(h, w)));
                top[b] = rng.nextInt(h - side[b] + 1);
                left[b] = rng.nextInt(w - side[b] + 1);
            }
            return ImageOps.occlude(x, top, left, side);
        });
    }

    static double uniform(Random rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** One uniform draw per sample of the batch {@code x}. */
    static float[] draw(Random rng, NDArray x, double lo, double hi) {
        float[] v = new float[(int) x.getShape().get(0)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) uniform(rng, lo, hi);
        }
        return v;
    }
}
