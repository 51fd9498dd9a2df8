package attndx.data;

import java.util.List;

/**
 * Everything that defines a phantom benchmark (see {@link Phantom}). Same config, same images.
 *
 * @param count number of images, in [1, 1000000]
 * @param size image side in pixels (square images), in [16, 1024]
 * @param seed random seed
 * @param positiveFraction target fraction of lesion images, in [0,1] (reached as closely as whole
 *     patients allow: all images of a patient share its label)
 * @param minImagesPerPatient fewest images per patient, in [1, 16]
 * @param maxImagesPerPatient most images per patient, in [minImagesPerPatient, 16]
 * @param bitDepth PNG bit depth on disk, 8 or 16; in-memory images are quantised the same way
 * @param noise largest per-image Gaussian noise standard deviation, in [0, 0.2]
 * @param ratios patient-level train/val/test fractions for the split column
 * @param lesions lesion appearance
 * @param shortcut shortcut marker, or null for none
 * @param site shifted acquisition site, or null for none
 */
public record PhantomConfig(int count, int size, long seed, double positiveFraction, int minImagesPerPatient,
        int maxImagesPerPatient, int bitDepth, double noise, SplitRatios ratios, Lesions lesions,
        Shortcut shortcut, Site site) {

    public PhantomConfig {
        range("phantom.count", count, 1, 1_000_000);
        range("phantom.size", size, 16, 1024);
        unit("phantom.positiveFraction", positiveFraction);
        range("phantom.minImagesPerPatient", minImagesPerPatient, 1, 16);
        range("phantom.maxImagesPerPatient", maxImagesPerPatient, minImagesPerPatient, 16);
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("phantom.bitDepth must be 8 or 16, got " + bitDepth);
        }
        if (!(noise >= 0 && noise <= 0.2)) {
            throw new IllegalArgumentException("phantom.noise must be in [0, 0.2], got " + noise);
        }
        ratios = ratios == null ? SplitRatios.defaults() : ratios;
        lesions = lesions == null ? Lesions.defaults() : lesions;
        if (site != null && site.border() * 4 >= size) {
            throw new IllegalArgumentException("phantom.site.border must be below a quarter of the side (" + size
                    + "), got " + site.border());
        }
    }

    /** 200 images of 64x64, seed 42, half with lesions, 1-4 images per patient, 8-bit, no marker or site. */
    public static PhantomConfig defaults() {
        return new PhantomConfig(200, 64, 42, 0.5, 1, 4, 8, 0.02, SplitRatios.defaults(), Lesions.defaults(),
                null, null);
    }

    /** A copy with another image count and seed. */
    public PhantomConfig withCount(int newCount, long newSeed) {
        return new PhantomConfig(newCount, size, newSeed, positiveFraction, minImagesPerPatient,
                maxImagesPerPatient, bitDepth, noise, ratios, lesions, shortcut, site);
    }

    /** A copy with another image side. */
    public PhantomConfig withSize(int newSize) {
        return new PhantomConfig(count, newSize, seed, positiveFraction, minImagesPerPatient, maxImagesPerPatient,
                bitDepth, noise, ratios, lesions, shortcut, site);
    }

    /** A copy with a shortcut marker and a site shift (either may be null). */
    public PhantomConfig withArtifacts(Shortcut newShortcut, Site newSite) {
        return new PhantomConfig(count, size, seed, positiveFraction, minImagesPerPatient, maxImagesPerPatient,
                bitDepth, noise, ratios, lesions, newShortcut, newSite);
    }

    /**
     * Lesion appearance; a lesion is an ellipse (aspect in [0.8, 1.25]) that brightens the image.
     *
     * @param max most lesions per positive patient (each has 1..max), in [1, 8]
     * @param minRadius smallest mean radius as a fraction of the side, in (0, 0.5]; never below 1.5 px
     * @param maxRadius largest mean radius as a fraction of the side, in [minRadius, 0.5]
     * @param minContrast smallest added intensity at the centre, in (0, 1]
     * @param maxContrast largest added intensity at the centre, in [minContrast, 1]
     * @param maxSoftness largest soft-edge width as a fraction of the radius, in [0, 1)
     */
    public record Lesions(int max, double minRadius, double maxRadius, double minContrast, double maxContrast,
            double maxSoftness) {
        public Lesions {
            range("phantom.lesions.max", max, 1, 8);
            if (!(minRadius > 0 && minRadius <= 0.5) || !(maxRadius >= minRadius && maxRadius <= 0.5)) {
                throw new IllegalArgumentException("phantom.lesions radii must satisfy 0 < minRadius <= maxRadius"
                        + " <= 0.5, got " + minRadius + ".." + maxRadius);
            }
            if (!(minContrast > 0 && minContrast <= 1) || !(maxContrast >= minContrast && maxContrast <= 1)) {
                throw new IllegalArgumentException("phantom.lesions contrasts must satisfy 0 < minContrast <="
                        + " maxContrast <= 1, got " + minContrast + ".." + maxContrast);
            }
            if (!(maxSoftness >= 0 && maxSoftness < 1)) {
                throw new IllegalArgumentException("phantom.lesions.maxSoftness must be in [0,1), got " + maxSoftness);
            }
        }

        /** 1-3 lesions, radius 4-10 % of the side, contrast 0.12-0.3, soft edge up to 70 % of the radius. */
        public static Lesions defaults() {
            return new Lesions(3, 0.04, 0.10, 0.12, 0.30, 0.7);
        }
    }

    /**
     * A small bright "L" glyph in the top-left corner whose presence correlates with the label, per split.
     * With strength s: P(marker | lesion) = (1+s)/2 and P(marker | normal) = (1-s)/2, so s = 0 makes the
     * marker independent of the label (present in half the images), s = 1 makes it present exactly on lesion
     * images, and s = -1 exactly on normal ones. For balanced classes s is the phi correlation between
     * marker and label.
     *
     * @param train strength in the train split, in [-1,1]
     * @param val strength in the validation split, in [-1,1]
     * @param test strength in the test split, in [-1,1]
     */
    public record Shortcut(double train, double val, double test) {
        public Shortcut {
            strength("train", train);
            strength("val", val);
            strength("test", test);
        }

        private static void strength(String split, double s) {
            if (!(s >= -1 && s <= 1)) {
                throw new IllegalArgumentException("phantom.shortcut." + split + " must be in [-1,1], got " + s);
            }
        }

        /** The strength in a split ("train", "val" or "test"). */
        public double strength(String split) {
            return switch (split) {
                case Splits.TRAIN -> train;
                case Splits.VAL -> val;
                case Splits.TEST -> test;
                default -> throw new IllegalArgumentException("unknown split '" + split + "', expected " + Splits.ALL);
            };
        }

        /** P(marker | label) for a split: (1+s)/2 for a lesion image, (1-s)/2 for a normal one. */
        public double markerProbability(String split, boolean lesion) {
            double s = strength(split);
            return lesion ? (1 + s) / 2 : (1 - s) / 2;
        }
    }

    /**
     * A shifted acquisition site: patients of the listed splits come from it with probability
     * {@code fraction} (a whole patient, all images). For a separate external cohort generate a second
     * phantom with another seed and fraction 1 for all splits.
     *
     * @param splits the splits the site appears in (subset of train, val, test; not empty)
     * @param fraction probability that a patient of those splits comes from the site, in [0,1]
     * @param gamma intensity gamma v^gamma, in [0.2, 5]
     * @param contrast contrast around 0.5 after the gamma, in [0.2, 5]
     * @param border width in pixels of a constant bright frame overlay (0 = none), below a quarter of the side
     * @param burnIn whether a text-like bright burn-in appears at the bottom left
     */
    public record Site(List<String> splits, double fraction, double gamma, double contrast, int border,
            boolean burnIn) {
        public Site {
            if (splits == null || splits.isEmpty()) {
                throw new IllegalArgumentException("phantom.site.splits must name at least one of " + Splits.ALL);
            }
            splits = List.copyOf(splits);
            for (String s : splits) {
                if (!Splits.ALL.contains(s)) {
                    throw new IllegalArgumentException("phantom.site.splits: '" + s + "' is not one of " + Splits.ALL);
                }
            }
            unit("phantom.site.fraction", fraction);
            if (!(gamma >= 0.2 && gamma <= 5) || !(contrast >= 0.2 && contrast <= 5)) {
                throw new IllegalArgumentException("phantom.site gamma and contrast must be in [0.2, 5], got gamma "
                        + gamma + ", contrast " + contrast);
            }
            if (border < 0) {
                throw new IllegalArgumentException("phantom.site.border must be >= 0, got " + border);
            }
        }
    }

    private static void range(String field, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    private static void unit(String field, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(field + " must be in [0,1], got " + v);
        }
    }
}
