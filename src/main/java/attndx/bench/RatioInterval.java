package attndx.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A percentile bootstrap interval for the speed ratio of two timed sides, median(reference seconds) /
 * median(AttnDx seconds): each side's calls are resampled with replacement, independently, and the ratio of
 * the resampled medians is taken {@value #RESAMPLES} times. With a handful of calls per side the interval is
 * coarse (it moves between order statistics), but it shows whether a reading such as 1.09x is distinguishable
 * from a target of 1.10x. Seeded, so a run's interval repeats for the same timings.
 */
public record RatioInterval(double low, double high) {
    static final int RESAMPLES = 4000;
    private static final long SEED = 20261126L;

    /** The central {@code level} (e.g. 0.95) interval of the ratio; NaN bounds when either side is empty. */
    public static RatioInterval of(double[] attndxSeconds, double[] referenceSeconds, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (attndxSeconds.length == 0 || referenceSeconds.length == 0) {
            return new RatioInterval(Double.NaN, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] ratios = new double[RESAMPLES];
        double[] ours = new double[attndxSeconds.length];
        double[] theirs = new double[referenceSeconds.length];
        for (int i = 0; i < RESAMPLES; i++) {
            ratios[i] = median(resample(referenceSeconds, theirs, random)) / median(resample(attndxSeconds, ours, random));
        }
        Arrays.sort(ratios);
        double tail = (1 - level) / 2;
        return new RatioInterval(ratios[(int) Math.floor(tail * (RESAMPLES - 1))],
                ratios[(int) Math.ceil((1 - tail) * (RESAMPLES - 1))]);
    }

    private static double[] resample(double[] from, double[] into, SplittableRandom random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
        return into;
    }

    /** The median; sorts {@code values} in place. */
    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
