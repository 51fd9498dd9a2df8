/**
 * Explanation maps of a trained model behind one interface ({@link attndx.explain.ExplanationMethod}, built by
 * name with {@link attndx.explain.Methods}): the model's own attention (fused, per scale, per class), CAM,
 * Grad-CAM and Grad-CAM++ on a chosen stage, the plain gradient, occlusion, and the random and edge-detector
 * references; methods that do not apply are refused with the reason. {@link attndx.explain.ExplainRun} and
 * {@link attndx.explain.AuditRun} are the services behind {@code attndx explain} and {@code attndx audit}; the
 * sanity checks ({@link attndx.explain.SanityChecks}) live here because they rebuild the methods on randomised
 * models. The checks' arithmetic is in {@link attndx.explain.eval}. Imports {@code attndx.core}, {@code
 * attndx.data}, {@code attndx.model}, {@code attndx.kernels} (the inference runner) and {@code attndx.train} (the perturbations and inverse maps, the trainer for
 * the shuffled-label model).
 */
package attndx.explain;
