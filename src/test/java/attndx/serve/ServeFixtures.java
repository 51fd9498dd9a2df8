package attndx.serve;

import attndx.core.Engines;
import attndx.core.Provenance;
import attndx.data.ImageTensor;
import attndx.data.Phantom;
import attndx.data.PhantomConfig;
import attndx.data.PngWriter;
import attndx.data.Preprocessing;
import attndx.data.Sample;
import attndx.model.DecisionThresholds;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig.Stem;
import attndx.model.ModelPresets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tiny randomly initialised models and phantom images for the deployment tests (seconds each). */
final class ServeFixtures {
    /** Input side of the tiny models. */
    static final int SIZE = 32;

    private ServeFixtures() {}

    /**
     * A width-8 ResNet-18 of {@code preset}, 1 channel, normal/lesion, resizing inputs to {@value #SIZE}, seed 1,
     * saved to {@code dir} with {@code temperature} and {@code decision} (either may be null).
     */
    static Path model(Path dir, String preset, Double temperature, DecisionThresholds decision) {
        Engines.configure();
        Preprocessing pre = Preprocessing.defaults().withSize(SIZE, SIZE);
        try (DiagnosisModel m = DiagnosisModel.create(ModelPresets.create(preset, 18, 8, Stem.SMALL_INPUT, 1, 2), pre,
                Phantom.CLASS_NAMES, Provenance.capture("model", Map.of("test", true), "fixture", 1), 1)) {
            DiagnosisModel saved = temperature == null ? m : m.withTemperature(temperature);
            saved.withDecision(decision).save(dir);
        }
        return dir;
    }

    /** Decision rules with the given tau and operating point; the shift threshold flags nothing below 1e9. */
    static DecisionThresholds decision(Double tau, Double operating) {
        return new DecisionThresholds("val", tau, tau == null ? null : 0.9, 1, operating, operating == null ? null : 0.9,
                1e9, 0.05);
    }

    /** {@code n} seeded 64x64 phantom images. */
    static List<ImageTensor> phantoms(int n, long seed) {
        List<ImageTensor> out = new ArrayList<>();
        for (Sample s : Phantom.generate(PhantomConfig.defaults().withCount(n, seed)).samples()) {
            out.add(s.image());
        }
        return out.subList(0, n);
    }

    /** Writes {@code n} phantom images as 8-bit PNGs into {@code dir}; returns their paths. */
    static List<Path> phantomPngs(Path dir, int n, long seed) throws java.io.IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        List<ImageTensor> imgs = phantoms(n, seed);
        for (int i = 0; i < imgs.size(); i++) {
            Path f = dir.resolve(String.format("study%02d.png", i));
            PngWriter.write(imgs.get(i), 8, f);
            out.add(f);
        }
        return out;
    }
}
