package attndx.cli;

import attndx.explain.MethodOptions;
import picocli.CommandLine.Option;

/** The explanation methods' settings shared by explain and audit; maps to {@link MethodOptions}. */
final class MethodOptionsMixin {
    @Option(names = "--stage", defaultValue = "4", description = "Backbone stage of Grad-CAM and Grad-CAM++, 1..4"
            + " (default ${DEFAULT-VALUE}, the last).")
    int stage;
    @Option(names = "--occlusion-patch", defaultValue = "4", description = "Occluding square, pixels (default ${DEFAULT-VALUE}).")
    int patch;
    @Option(names = "--occlusion-stride", defaultValue = "2", description = "Its step, pixels (default ${DEFAULT-VALUE}).")
    int stride;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random map and the checks' draws.")
    long seed;
    @Option(names = "--batch-size", defaultValue = "64", description = "Images per forward (default ${DEFAULT-VALUE}).")
    int batch;

    MethodOptions toOptions() {
        return new MethodOptions(stage, patch, stride, seed, batch);
    }
}
