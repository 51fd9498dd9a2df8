/**
 * Calibration and uncertainty on plain arrays: temperature scaling, ECE and reliability
 * diagrams, selective prediction (risk-coverage), and distribution-shift scores.
 */
package attndx.calibrate;
