package attndx.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Patient-level percentile bootstrap (Efron and Tibshirani 1993; paper 7.5, 7.6) for a vector of
 * statistics evaluated on the same resamples. A statistic is a function of the per-image weights
 * (multiplicities) so resamples need no copying: {@link RankedScores} evaluates it in one pass.
 * The interval is the {@code (1-level)/2} and {@code (1+level)/2} quantiles of the resampled values
 * (linear interpolation between order statistics, Hyndman-Fan type 7). Resamples where a statistic is
 * NaN (undefined, e.g. single-class AUC) are skipped for that statistic and counted.
 */
public final class Bootstrap {
    private Bootstrap() {}

    /**
     * Estimates {@code statistic} (returning {@code dims} values) on the full data (all weights one)
     * and on {@code config.resamples()} patient-level resamples.
     */
    public static Estimate[] estimate(PatientGroups groups, BootstrapConfig config, int dims,
            Function<int[], double[]> statistic) {
        int[] weights = new int[groups.images()];
        Arrays.fill(weights, 1);
        double[] full = statistic.apply(weights);
        double[][] values = new double[dims][config.resamples()];
        int[] used = new int[dims];
        SplittableRandom rng = new SplittableRandom(config.seed());
        int[] counts = new int[groups.patients()];
        for (int b = 0; b < config.resamples() && groups.patients() > 0; b++) {
            groups.resample(rng, counts, weights);
            double[] v = statistic.apply(weights);
            for (int d = 0; d < dims; d++) {
                if (!Double.isNaN(v[d])) {
                    values[d][used[d]++] = v[d];
                }
            }
        }
        Estimate[] out = new Estimate[dims];
        for (int d = 0; d < dims; d++) {
            double[] v = Arrays.copyOf(values[d], used[d]);
            Arrays.sort(v);
            double alpha = (1 - config.level()) / 2;
            out[d] = new Estimate(full[d], quantile(v, alpha), quantile(v, 1 - alpha), config.level(), used[d],
                    (groups.patients() > 0 ? config.resamples() : 0) - used[d]);
        }
        return out;
    }

    /** Type-7 quantile of sorted values; NaN when empty. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
