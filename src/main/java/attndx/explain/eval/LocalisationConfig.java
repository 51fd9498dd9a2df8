package attndx.explain.eval;

import java.util.List;

/**
 * Settings of the localisation check ({@link LocalisationCheck}).
 *
 * @param tolerance pointing-game tolerance in pixels, in [0, 64]
 * @param topShares the top shares of pixels the maps are thresholded at for IoU and Dice, each in (0, 1]
 * @param thresholds the map values they are thresholded at, each in [0, 1]
 */
public record LocalisationConfig(int tolerance, List<Double> topShares, List<Double> thresholds) {
    public LocalisationConfig {
        if (tolerance < 0 || tolerance > 64) {
            throw new IllegalArgumentException("pointing tolerance must be in [0, 64] pixels, got " + tolerance);
        }
        topShares = List.copyOf(topShares);
        thresholds = List.copyOf(thresholds);
        for (double q : topShares) {
            if (!(q > 0 && q <= 1)) {
                throw new IllegalArgumentException("top shares must be in (0, 1], got " + topShares);
            }
        }
        for (double t : thresholds) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("value thresholds must be in [0, 1], got " + thresholds);
            }
        }
    }

    /** Tolerance 0, top 5, 10 and 20 %, values 0.25, 0.5 and 0.75. */
    public static LocalisationConfig defaults() {
        return new LocalisationConfig(0, List.of(0.05, 0.10, 0.20), List.of(0.25, 0.5, 0.75));
    }
}
