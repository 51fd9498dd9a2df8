package attndx.explain.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The distribution of one per-image score (seed section 7.6: a good mean must not hide a long tail): mean,
 * standard deviation, quantiles, the five worst images and a 10-bin histogram. NaN scores (images a check
 * skipped) are counted and left out.
 *
 * @param n images scored
 * @param skipped images without a score (NaN)
 * @param mean the mean (NaN when none)
 * @param std sample standard deviation (NaN below two)
 * @param quantiles the 5, 25, 50, 75 and 95 % quantiles (linear interpolation)
 * @param worst ids of up to five worst images, worst first
 * @param histogram counts in 10 equal bins between the smallest and largest score
 * @param histogramRange the smallest and largest score
 */
public record Summary(int n, int skipped, double mean, double std, double[] quantiles, List<String> worst,
        int[] histogram, double[] histogramRange) {
    /** The quantile levels of {@link #quantiles}. */
    public static final double[] LEVELS = {0.05, 0.25, 0.5, 0.75, 0.95};
    private static final int BINS = 10;
    private static final int WORST = 5;

    /**
     * The summary of {@code values} (one per id).
     *
     * @param higherIsBetter whether the worst images are those with the lowest scores
     */
    public static Summary of(double[] values, String[] ids, boolean higherIsBetter) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                idx.add(i);
            }
        }
        int n = idx.size();
        double[] v = idx.stream().mapToDouble(i -> values[i]).sorted().toArray();
        double mean = n == 0 ? Double.NaN : Arrays.stream(v).average().orElse(Double.NaN);
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double[] q = new double[LEVELS.length];
        for (int k = 0; k < q.length; k++) {
            q[k] = quantile(v, LEVELS[k]);
        }
        Comparator<Integer> worstFirst = Comparator.comparingDouble(i -> values[i]);
        idx.sort(higherIsBetter ? worstFirst : worstFirst.reversed());
        List<String> worst = idx.stream().limit(WORST).map(i -> ids[i]).toList();
        int[] hist = new int[BINS];
        double lo = n == 0 ? Double.NaN : v[0];
        double hi = n == 0 ? Double.NaN : v[n - 1];
        for (double x : v) {
            int b = hi > lo ? (int) Math.min(BINS - 1, Math.floor((x - lo) / (hi - lo) * BINS)) : 0;
            hist[b]++;
        }
        return new Summary(n, values.length - n, mean, n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1)), q, worst, hist,
                new double[] {lo, hi});
    }

    /** Linear-interpolation quantile of sorted values (NaN when empty). */
    static double quantile(double[] sorted, double level) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = level * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
