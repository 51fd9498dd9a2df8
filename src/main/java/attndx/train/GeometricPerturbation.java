package attndx.train;

import ai.djl.ndarray.NDArray;
import java.util.Random;

/**
 * A geometric perturbation: each sample is moved by an affine map drawn from a sampler; pixels
 * brought in from outside the frame take the sample's channel mean. Pi is the
 * {@link AffineInverseMap} of the same maps.
 */
final class GeometricPerturbation implements Perturbation {

    /** Draws the forward map (reference to perturbed image coordinates) for one sample. */
    @FunctionalInterface
    interface Sampler {
        Affine2D sample(Random rng, int height, int width);
    }

    private final String name;
    private final Sampler sampler;

    GeometricPerturbation(String name, Sampler sampler) {
        this.name = name;
        this.sampler = sampler;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PerturbedBatch apply(NDArray images, Random rng) {
        int batch = (int) images.getShape().get(0);
        int h = (int) images.getShape().get(2);
        int w = (int) images.getShape().get(3);
        Affine2D[] forward = new Affine2D[batch];
        Affine2D[] sourceOf = new Affine2D[batch];
        for (int b = 0; b < batch; b++) {
            forward[b] = sampler.sample(rng, h, w);
            sourceOf[b] = forward[b].inverse();
        }
        return new PerturbedBatch(ImageOps.warpFilled(images, sourceOf), new AffineInverseMap(forward, h, w), name);
    }
}
