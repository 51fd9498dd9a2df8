package attndx.train;

/**
 * Per-epoch statistics of the attention maps that pooled the features, to show whether training
 * collapses the attention (integrity issue 14, item 7): a map that shrinks, flattens or spreads
 * over the whole image explains nothing even when the classifier is right. An accumulator over
 * batches ({@link #update}, {@link #summary}, {@link #reset}) of plain Java arrays.
 *
 * <p>Per map A (h x w, values in [0, 1]): its mean, its maximum, its normalised entropy
 * {@code H(p) / ln(hw)} with {@code p = A / sum A} (1 for a flat map, 0 for all mass on one pixel;
 * 1 for an all-zero map or a 1 x 1 map, which cannot concentrate), and whether it is nearly constant:
 * {@code max - min < 0.05 max} (every value within 5% of the peak; an all-zero map counts). The
 * summary averages each figure over all maps of the epoch (images x maps per image).
 */
public final class AttentionStatistics {
    /** Relative range below which a map counts as nearly constant. */
    static final double FLAT_RANGE = 0.05;

    private long maps;
    private double meanSum;
    private double maxSum;
    private double entropySum;
    private long flat;

    /**
     * The epoch's figures.
     *
     * @param mean mean attention value
     * @param max mean of the per-map maxima
     * @param entropy mean normalised entropy, in [0, 1]
     * @param nearlyConstant share of maps whose values all lie within 5% of their peak
     * @param maps number of maps summarised
     */
    public record Summary(double mean, double max, double entropy, double nearlyConstant, long maps) {}

    /**
     * Adds the maps of one batch.
     *
     * @param values B x M x h x w maps, flattened row-major (map after map)
     * @param pixels h x w, the size of one map
     */
    public void update(float[] values, int pixels) {
        if (pixels < 1 || values.length % pixels != 0) {
            throw new IllegalArgumentException("attention statistics need whole maps of " + pixels + " pixels, got "
                    + values.length + " values");
        }
        for (int start = 0; start < values.length; start += pixels) {
            add(values, start, pixels);
        }
    }

    private void add(float[] v, int start, int n) {
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = start; i < start + n; i++) {
            sum += v[i];
            max = Math.max(max, v[i]);
            min = Math.min(min, v[i]);
        }
        maps++;
        meanSum += sum / n;
        maxSum += max;
        entropySum += entropy(v, start, n, sum);
        flat += max - min < FLAT_RANGE * max || max <= 0 ? 1 : 0;
    }

    private static double entropy(float[] v, int start, int n, double sum) {
        if (n == 1 || !(sum > 0)) {
            return 1;
        }
        double h = 0;
        for (int i = start; i < start + n; i++) {
            if (v[i] > 0) {
                double p = v[i] / sum;
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(n);
    }

    /** The figures so far; NaN everywhere (and 0 maps) before the first update. */
    public Summary summary() {
        if (maps == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new Summary(meanSum / maps, maxSum / maps, entropySum / maps, (double) flat / maps, maps);
    }

    /** Forgets every map added. */
    public void reset() {
        maps = 0;
        meanSum = 0;
        maxSum = 0;
        entropySum = 0;
        flat = 0;
    }
}
