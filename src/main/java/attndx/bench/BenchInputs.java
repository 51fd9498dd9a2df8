package attndx.bench;

import attndx.core.Provenance;
import attndx.data.Preprocessing;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** What the benchmarks share: the models and images they time, and where the checkout's reference files are. */
public final class BenchInputs {
    private BenchInputs() {}

    /** A freshly initialised model of {@code config} (seed 1, two classes) for a workload to time. */
    public static DiagnosisModel model(ModelConfig config) {
        return DiagnosisModel.create(config, Preprocessing.defaults(), List.of("a", "b"),
                Provenance.capture("bench engine", Map.of(), "", 1), 1);
    }

    /** The fixed random images of case {@code c}: one C*H*W array per image, uniform in [-1, 1), seed 42. */
    public static float[][] images(EngineBenchmark.Case c, int channels) {
        Random r = new Random(42);
        float[][] x = new float[c.batch()][channels * c.size() * c.size()];
        for (float[] image : x) {
            for (int p = 0; p < image.length; p++) {
                image[p] = r.nextFloat() * 2 - 1;
            }
        }
        return x;
    }

    /**
     * {@code relative} resolved against the AttnDx checkout: the directory above {@code target/} holding the
     * running jar (or classes), else the working directory.
     */
    public static Path checkoutPath(String relative) {
        CodeSource source = BenchInputs.class.getProtectionDomain().getCodeSource();
        if (source != null) {
            try {
                Path target = Path.of(source.getLocation().toURI()).getParent();
                if (target != null && target.getParent() != null && target.getFileName().toString().equals("target")) {
                    return target.getParent().resolve(relative).normalize();
                }
            } catch (URISyntaxException e) {
                // Not a file location: the working directory is the documented fallback.
            }
        }
        return Path.of(relative);
    }

    /** True when the reference can run here ({@code /usr/bin/python3 -c 'import torch'} works). */
    public static boolean referenceAvailable() {
        return ReferenceProcess.available();
    }
}
