/**
 * Explanation maps of a trained model, each one H*W map per image in [0, 1]: Grad-CAM on the last backbone
 * stage ({@link attndx.explain.GradCam}), the post-hoc baseline, and the model's own attention maps resized to
 * the input ({@link attndx.explain.Saliency#attention}). The quantitative checks of explanations are in
 * {@link attndx.explain.eval}. Imports {@code attndx.core}, {@code attndx.data}, {@code attndx.model},
 * {@code attndx.kernels} (the inference runner) and {@code attndx.train} (perturbations).
 */
package attndx.explain;
