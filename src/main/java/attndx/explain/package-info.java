/**
 * Explanation maps of a trained model: Grad-CAM on the last backbone stage ({@link attndx.explain.GradCam}),
 * the post-hoc baseline the model's own attention maps ({@link attndx.model.Prediction#attention()}) are
 * compared with. The quantitative checks of explanations are in {@link attndx.explain.eval}. Imports
 * {@code attndx.core}, {@code attndx.data} and {@code attndx.model}.
 */
package attndx.explain;
