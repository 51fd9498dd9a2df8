/**
 * The model family as DJL blocks: residual backbone ({@link attndx.model.ResNetBackbone}), spatial
 * attention heads ({@link attndx.model.AttentionHead}), multi-scale fusion
 * ({@link attndx.model.AttentionFusion}), baselines (GAP, SE, CBAM), the segmentation head, the config
 * ({@link attndx.model.ModelConfig}, {@link attndx.model.ModelPresets}) and save/load
 * ({@link attndx.model.DiagnosisModel}). Imports {@code attndx.core} and {@code attndx.data} only; batch
 * inference and every CPU-specific kernel live one floor up, in {@code attndx.kernels}.
 *
 * <p>Typical use: {@code DiagnosisModel.create(ModelPresets.defaults(1, 2), preprocessing, classNames,
 * provenance, seed)}; train {@code model.network()} through {@code model.model().newTrainer(...)} reading the
 * forward output with {@link attndx.model.DiagnosisOutput}; {@code save(dir)}; later
 * {@code DiagnosisModel.load(dir)} and run it with {@code attndx.kernels.ModelRunner}.
 */
package attndx.model;
