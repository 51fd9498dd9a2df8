/**
 * Quantitative checks of explanation maps: deletion and insertion curves
 * ({@link attndx.explain.eval.DeletionInsertion}) over any {@link attndx.explain.eval.TargetScorer}, with
 * {@link attndx.explain.eval.RunnerScorer} for a model. The curve arithmetic works on plain Java arrays, so it
 * is tested with hand-made scorers.
 */
package attndx.explain.eval;
