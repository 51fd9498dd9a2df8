package attndx.metrics;

/**
 * Settings of the patient-level percentile bootstrap.
 *
 * @param resamples number of resamples (0 switches confidence intervals off)
 * @param level nominal two-sided coverage in (0, 1)
 * @param seed seed of the {@link java.util.SplittableRandom} drawing the resamples
 */
public record BootstrapConfig(int resamples, double level, long seed) {

    public BootstrapConfig {
        if (resamples < 0 || resamples > 1_000_000) {
            throw new IllegalArgumentException("bootstrap resamples must be in [0, 1000000], found " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), found " + level);
        }
    }

    /** 1000 resamples, 95% percentile interval, seed 42. */
    public static BootstrapConfig defaults() {
        return new BootstrapConfig(1000, 0.95, 42);
    }
}
