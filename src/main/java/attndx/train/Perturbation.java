package attndx.train;

import ai.djl.ndarray.NDArray;
import java.util.Random;

/**
 * One operator of the perturbation set T (seed sections 5.5, 9.2, A.2): applied to a batch of
 * images in [0, 1] (B x C x H x W, before intensity normalisation), with its parameters drawn per
 * sample from {@code rng}. The result is attached to the images' manager.
 */
public interface Perturbation {

    /** A short name for logs ("rotation", "noise", ...). */
    String name();

    /** Perturbs the batch and returns it with Pi. */
    PerturbedBatch apply(NDArray images, Random rng);
}
