/**
 * Quantitative checks of explanation maps (seed sections 6, 7.6, 9.2, 9.3), on plain arrays and functional
 * interfaces ({@link attndx.explain.eval.TargetScorer}, {@link attndx.explain.eval.MapFunction}) so they are tested
 * with hand-made scorers and maps: deletion and insertion curves read against the random map
 * ({@link attndx.explain.eval.Faithfulness}), localisation ({@link attndx.explain.eval.LocalisationCheck}),
 * stability under the training code's perturbations ({@link attndx.explain.eval.Stability}), the shortcut stress
 * test ({@link attndx.explain.eval.ShortcutTest}), per-image distributions ({@link attndx.explain.eval.Summary}).
 * Does not import {@code attndx.explain}.
 */
package attndx.explain.eval;
