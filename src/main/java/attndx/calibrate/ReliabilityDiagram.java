package attndx.calibrate;

import java.util.List;

/**
 * Reliability diagram data: predictions grouped by confidence, each bin's mean confidence against its
 * accuracy (paper A.1). ECE and MCE follow from the bins.
 *
 * @param binning "equal-width" or "equal-mass"
 * @param total number of predictions binned
 * @param bins the bins, lowest confidence first
 */
public record ReliabilityDiagram(String binning, int total, List<ReliabilityBin> bins) {

    public ReliabilityDiagram {
        bins = List.copyOf(bins);
    }

    /** Expected calibration error {@code sum_b (n_b / n) |acc_b - conf_b|}; NaN when empty. */
    public double ece() {
        if (total == 0) {
            return Double.NaN;
        }
        double e = 0;
        for (ReliabilityBin b : bins) {
            if (b.count() > 0) {
                e += (double) b.count() / total * Math.abs(b.accuracy() - b.meanConfidence());
            }
        }
        return e;
    }

    /** Maximum calibration error {@code max_b |acc_b - conf_b|} over non-empty bins; NaN when empty. */
    public double mce() {
        double m = Double.NaN;
        for (ReliabilityBin b : bins) {
            if (b.count() > 0) {
                double gap = Math.abs(b.accuracy() - b.meanConfidence());
                m = Double.isNaN(m) ? gap : Math.max(m, gap);
            }
        }
        return m;
    }
}
