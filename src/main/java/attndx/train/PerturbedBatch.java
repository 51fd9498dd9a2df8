package attndx.train;

import ai.djl.ndarray.NDArray;

/**
 * A perturbed batch {@code T(x)} with the map Pi back to the reference frame.
 *
 * @param images the perturbed images, B x C x H x W
 * @param inverse Pi, applied to the attention computed on {@code images}
 * @param perturbation the name of the perturbation applied (for logging)
 */
public record PerturbedBatch(NDArray images, InverseMap inverse, String perturbation) {}
