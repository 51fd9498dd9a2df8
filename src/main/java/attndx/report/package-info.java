/**
 * Experiment runners, tables, plots and reports: they orchestrate the packages below (model
 * inference, metrics, calibration) and format results; numbers are computed in those packages.
 */
package attndx.report;
