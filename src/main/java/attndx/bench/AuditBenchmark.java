package attndx.bench;

import attndx.core.Provenance;
import attndx.data.Dataset;
import attndx.data.Phantom;
import attndx.data.PhantomConfig;
import attndx.data.Preprocessing;
import attndx.data.SplitRatios;
import attndx.explain.AuditConfig;
import attndx.explain.AuditProgress;
import attndx.explain.AuditRun;
import attndx.explain.MethodOptions;
import attndx.explain.Methods;
import attndx.explain.SanityConfig;
import attndx.explain.eval.FaithfulnessConfig;
import attndx.explain.eval.LocalisationConfig;
import attndx.explain.eval.ShortcutConfig;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code attndx bench audit}: the throughput of each audit check (images per second) with attention, Grad-CAM and
 * the random reference on phantom images and a freshly initialised attn-multiscale ResNet-18 (the checks' cost
 * does not depend on what the weights learned). Each check runs alone in its own audit; the maps' time (an audit
 * with no check) is measured first and subtracted. Sanity checks run on {@code sanityImages} images; their rate is
 * per those images. A check much cheaper than the maps (localisation) can come out near 0 or slightly negative:
 * below the run-to-run noise of the maps' time.
 */
public final class AuditBenchmark {
    private AuditBenchmark() {}

    /** Seconds and images per second of each check, "maps" first, then "total" (one audit with every check). */
    public record Timing(String check, double seconds, double imagesPerSecond) {}

    public static List<Timing> run(int size, int images, int width, int sanityImages, Path work) {
        Dataset data = Phantom.generate(new PhantomConfig(images, size, 1, 0.5, 1, 1, 8, 0.02,
                new SplitRatios(0, 0, 1), null, null, null));
        Path modelDir = work.resolve("model");
        try (DiagnosisModel m = DiagnosisModel.create(ModelPresets.create("attn-multiscale", 18, width,
                ModelConfig.Stem.SMALL_INPUT, 1, 2), new Preprocessing(Preprocessing.Normalisation.DATASET, 0.3f, 0.2f,
                0, 0, 0f, 0f), Phantom.CLASS_NAMES, Provenance.capture("bench", Map.of(), "", 1), 1)) {
            m.save(modelDir);
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        // Warm-up: the first audit also pays for JIT compilation and the engine's first-call costs.
        time(modelDir, data, List.of(), sanityImages, work);
        seconds.put("maps", time(modelDir, data, List.of(), sanityImages, work));
        for (String c : AuditConfig.CHECKS) {
            seconds.put(c, time(modelDir, data, List.of(c), sanityImages, work) - seconds.get("maps"));
        }
        seconds.put("total", time(modelDir, data, AuditConfig.CHECKS, sanityImages, work));
        return seconds.entrySet().stream().map(e -> new Timing(e.getKey(), e.getValue(),
                (e.getKey().equals(AuditConfig.SANITY) ? Math.min(sanityImages, images) : images) / e.getValue()))
                .toList();
    }

    private static double time(Path modelDir, Dataset data, List<String> checks, int sanityImages, Path work) {
        AuditConfig cfg = new AuditConfig(List.of(Methods.ATTENTION, Methods.GRADCAM), checks, "predicted",
                data.size(), MethodOptions.defaults(), FaithfulnessConfig.defaults(), LocalisationConfig.defaults(), 0,
                new SanityConfig(sanityImages, 0.5, 1), ShortcutConfig.defaults(), 0);
        long t0 = System.nanoTime();
        AuditRun.run(new AuditRun.Request(modelDir, data, "test", null, null, null, cfg, null,
                work.resolve("audit-" + String.join("-", checks)), AuditProgress.silent()));
        return (System.nanoTime() - t0) / 1e9;
    }
}
