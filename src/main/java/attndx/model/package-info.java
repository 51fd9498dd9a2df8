/**
 * The model family as DJL blocks: residual backbone ({@link attndx.model.ResNetBackbone}), spatial
 * attention heads ({@link attndx.model.AttentionHead}), multi-scale fusion
 * ({@link attndx.model.AttentionFusion}), baselines (GAP, SE, CBAM), the segmentation head, the config
 * ({@link attndx.model.ModelConfig}, {@link attndx.model.ModelPresets}), save/load
 * ({@link attndx.model.DiagnosisModel}), batch inference ({@link attndx.model.ModelRunner}: batch norm folded
 * ({@link attndx.model.FoldedInference}), oneDNN's blocked kernels, and on the CPU one-thread workers per
 * batch slice whose large early stages run Winograd convolutions) and the throughput benchmark. Imports {@code attndx.core} and {@code attndx.data} only.
 *
 * <p>Typical use: {@code DiagnosisModel.create(ModelPresets.defaults(1, 2), preprocessing, classNames,
 * provenance, seed)}; train {@code model.network()} through {@code model.model().newTrainer(...)} reading the
 * forward output with {@link attndx.model.DiagnosisOutput}; {@code save(dir)}; later
 * {@code DiagnosisModel.load(dir)} and {@code new ModelRunner(model, 64).predict(images, c, h, w)} (close the runner).
 */
package attndx.model;
