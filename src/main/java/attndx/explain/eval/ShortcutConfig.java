package attndx.explain.eval;

import java.util.List;

/**
 * Settings of the shortcut stress test ({@link ShortcutTest}).
 *
 * @param widths the side of the corner squares and the width of the border bands as fractions of the image
 *     side, each in (0, 0.5)
 * @param level family-wise significance level (Bonferroni over all regions and tests), in (0, 0.5)
 * @param minEffect smallest mean excess of the absolute target-probability change over the random interior
 *     reference that counts as disproportionate, in [0, 1]
 * @param massRatio an explanation concentrates in a region when its mass share there exceeds this multiple of
 *     the region's area share, in [1, 100]
 * @param seed seed of the random interior reference patches
 */
public record ShortcutConfig(List<Double> widths, double level, double minEffect, double massRatio, long seed) {
    public ShortcutConfig {
        widths = List.copyOf(widths);
        if (widths.isEmpty()) {
            throw new IllegalArgumentException("shortcut widths must name at least one fraction in (0, 0.5)");
        }
        for (double w : widths) {
            if (!(w > 0 && w < 0.5)) {
                throw new IllegalArgumentException("shortcut widths must be in (0, 0.5) of the side, got " + widths);
            }
        }
        if (!(level > 0 && level < 0.5)) {
            throw new IllegalArgumentException("shortcut level must be in (0, 0.5), got " + level);
        }
        if (!(minEffect >= 0 && minEffect <= 1)) {
            throw new IllegalArgumentException("shortcut minEffect must be in [0, 1], got " + minEffect);
        }
        if (!(massRatio >= 1 && massRatio <= 100)) {
            throw new IllegalArgumentException("shortcut massRatio must be in [1, 100], got " + massRatio);
        }
    }

    /** Widths 1/8 and 1/4, level 0.01, effect 0.05, mass ratio 2, seed 1. */
    public static ShortcutConfig defaults() {
        return new ShortcutConfig(List.of(0.125, 0.25), 0.01, 0.05, 2.0, 1);
    }
}
