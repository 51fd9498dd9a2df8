/**
 * Diagnostic metrics on plain Java arrays (no DJL): ROC AUC, operating points, patient-level
 * bootstrap confidence intervals, the {@link attndx.metrics.Evaluator} service that combines them with
 * calibration and selective prediction, the synthetic-shift stress test and the metrics benchmark.
 * Each metric is a pure function; batches are collected with {@link attndx.calibrate.PredictionAccumulator}.
 */
package attndx.metrics;
