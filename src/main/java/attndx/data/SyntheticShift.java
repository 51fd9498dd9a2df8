package attndx.data;

import java.util.Locale;
import java.util.Random;

/**
 * Synthetic acquisition shifts for the stress test (seed section 10.3: "at least one
 * out-of-distribution stress test, even if it is a synthetic shift such as contrast scaling"),
 * applied to [0,1] images before normalisation. Strength runs from 0 (no change) to 1 (severe):
 * contrast is scaled about the image mean by {@code 1 - 0.75 s}, gamma is {@code 1 + 1.5 s}, noise
 * is Gaussian with standard deviation {@code 0.15 s}; results are clipped to [0,1].
 */
public enum SyntheticShift {
    CONTRAST, GAMMA, NOISE;

    /** The shifted copy of {@code image}; {@code rng} feeds the noise. */
    public ImageTensor apply(ImageTensor image, double strength, Random rng) {
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("shift strength must be in [0, 1], got " + strength);
        }
        float[] in = image.data();
        float[] out = new float[in.length];
        double mean = 0;
        for (float v : in) {
            mean += v;
        }
        mean /= in.length;
        double factor = 1 - 0.75 * strength;
        double gamma = 1 + 1.5 * strength;
        double std = 0.15 * strength;
        for (int i = 0; i < in.length; i++) {
            double v = switch (this) {
                case CONTRAST -> (in[i] - mean) * factor + mean;
                case GAMMA -> Math.pow(Math.max(0, in[i]), gamma);
                case NOISE -> in[i] + std * rng.nextGaussian();
            };
            out[i] = (float) Math.min(1, Math.max(0, v));
        }
        return new ImageTensor(image.channels(), image.height(), image.width(), out);
    }

    /** Lower-case name, for reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
