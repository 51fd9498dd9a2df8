package attndx.calibrate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Risk-coverage curve of selective prediction (paper 9.4): predictions are accepted from the most
 * confident down; after accepting every prediction with confidence {@code >= threshold}, coverage is
 * the accepted fraction and risk the error rate among the accepted. Tied confidences are accepted
 * together, so the curve has one point per distinct confidence.
 *
 * @param thresholds distinct confidences, descending
 * @param coverage coverage after accepting confidence {@code >= thresholds[g]}
 * @param risk error rate among the accepted at that point
 */
public record RiskCoverageCurve(double[] thresholds, double[] coverage, double[] risk) {

    /** Builds the curve from top-label confidences and whether each top-label prediction is correct. */
    public static RiskCoverageCurve of(double[] confidence, boolean[] correct) {
        if (confidence.length != correct.length) {
            throw new IllegalArgumentException("confidence has " + confidence.length + " entries but correct has "
                    + correct.length);
        }
        int n = confidence.length;
        int[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble(i -> -confidence[i])).mapToInt(Integer::intValue).toArray();
        double[] t = new double[n];
        double[] c = new double[n];
        double[] r = new double[n];
        int groups = 0;
        int errors = 0;
        for (int pos = 0; pos < n; pos++) {
            errors += correct[order[pos]] ? 0 : 1;
            boolean groupEnd = pos == n - 1 || confidence[order[pos + 1]] != confidence[order[pos]];
            if (groupEnd) {
                t[groups] = confidence[order[pos]];
                c[groups] = (pos + 1.0) / n;
                r[groups] = errors / (pos + 1.0);
                groups++;
            }
        }
        return new RiskCoverageCurve(Arrays.copyOf(t, groups), Arrays.copyOf(c, groups), Arrays.copyOf(r, groups));
    }

    /**
     * Area under the risk-coverage curve: the risk at each coverage step weighted by the step's width,
     * {@code sum_g (coverage_g - coverage_{g-1}) risk_g}; without ties this is {@code (1/n) sum_m risk(m)}.
     * NaN for an empty curve.
     */
    public double aurc() {
        if (coverage.length == 0) {
            return Double.NaN;
        }
        double area = 0;
        double previous = 0;
        for (int g = 0; g < coverage.length; g++) {
            area += (coverage[g] - previous) * risk[g];
            previous = coverage[g];
        }
        return area;
    }

    /** The highest threshold whose coverage reaches {@code target}; NaN for an empty curve. */
    public double thresholdForCoverage(double target) {
        for (int g = 0; g < coverage.length; g++) {
            if (coverage[g] >= target - 1e-12) {
                return thresholds[g];
            }
        }
        return Double.NaN;
    }

    /**
     * The lowest threshold (largest coverage) whose risk is at most {@code maxRisk};
     * {@code +Infinity} (refer everything) when no threshold achieves it.
     */
    public double thresholdForRisk(double maxRisk) {
        double best = Double.POSITIVE_INFINITY;
        for (int g = 0; g < risk.length; g++) {
            if (risk[g] <= maxRisk) {
                best = thresholds[g];
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskCoverageCurve r && Arrays.equals(thresholds, r.thresholds)
                && Arrays.equals(coverage, r.coverage) && Arrays.equals(risk, r.risk);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(thresholds) * 31 + Arrays.hashCode(risk);
    }

    @Override
    public String toString() {
        return "RiskCoverageCurve[points=" + thresholds.length + ", aurc=" + aurc() + "]";
    }
}
