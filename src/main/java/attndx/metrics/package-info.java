/**
 * Diagnostic metrics on plain Java arrays (no DJL): ROC AUC, operating points, and patient-level
 * bootstrap confidence intervals. Each metric is a pure function plus an accumulator.
 */
package attndx.metrics;
