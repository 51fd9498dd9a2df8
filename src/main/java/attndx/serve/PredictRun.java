package attndx.serve;

import attndx.core.AttndxException;
import attndx.core.Json;
import attndx.core.Provenance;
import attndx.kernels.ModelRunner;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@code attndx predict}: assesses every study of the inputs in batches ({@link DiagnosisService}), writes the
 * results ({@link ResultWriter}) with a provenance file beside them, and one overlay PNG per study. A study that
 * cannot be read (corrupt file, wrong channel count) is reported in its row and the others go on.
 */
public final class PredictRun {
    /** Overlay opacity at the highest map value. */
    static final double OVERLAY_OPACITY = 0.6;
    /** Above this many studies a progress bar is shown. */
    private static final int PROGRESS_FROM = 64;

    private PredictRun() {}

    /**
     * What to predict.
     *
     * @param modelDir model directory
     * @param inputs image files, folders, manifest.csv files or folders, .npz files
     * @param out results file (.jsonl or .csv)
     * @param overlayDir where the overlay PNGs go (null: none written)
     * @param mode triage (sorted worklist) or second read (input order)
     * @param explanation the map the overlays show (null: the model's default)
     * @param batchSize studies per forward pass, &gt;= 1
     * @param progress where the progress bar goes (null: none)
     */
    public record Request(Path modelDir, List<Path> inputs, Path out, Path overlayDir, PredictMode mode,
            Explanation explanation, int batchSize, PrintStream progress) {

        public Request {
            if (batchSize < 1 || batchSize > 4096) {
                throw new IllegalArgumentException("batchSize must be in [1, 4096], got " + batchSize);
            }
            inputs = List.copyOf(inputs);
        }
    }

    /** The ordered results, the model's warnings and the provenance file written. */
    public record Result(List<StudyResult> studies, List<String> warnings, List<String> classNames, Path provenance) {}

    /** Runs the prediction and writes its files. */
    public static Result run(Request r) {
        List<StudyInput> inputs = InputCollector.collect(r.inputs());
        try (DiagnosisService service = DiagnosisService.load(r.modelDir());
                ModelRunner runner = service.newRunner(r.batchSize());
                ProgressBar bar = progressBar(r, inputs.size())) {
            Explanation shown = r.explanation() == null ? service.defaultExplanation() : r.explanation();
            if (!service.availableExplanations().contains(shown)) {
                throw new AttndxException("the model (" + service.metadata().config().preset()
                        + ") has no spatial attention; use --explain grad-cam");
            }
            Set<Explanation> maps = r.overlayDir() == null ? Set.of() : Set.of(shown);
            List<StudyResult> results = new ArrayList<>(inputs.size());
            for (int start = 0; start < inputs.size(); start += r.batchSize()) {
                List<StudyInput> batch = inputs.subList(start, Math.min(inputs.size(), start + r.batchSize()));
                results.addAll(batch(service, runner, batch, start, maps, r.overlayDir()));
                if (bar != null) {
                    bar.stepBy(batch.size());
                }
            }
            Path prov = provenanceFile(r, service, inputs.size());
            ResultWriter.write(r.out(), Worklist.order(results, r.mode()), service.metadata().classNames());
            return new Result(Worklist.order(results, r.mode()), service.warnings(), service.metadata().classNames(),
                    prov);
        }
    }

    private static List<StudyResult> batch(DiagnosisService service, ModelRunner runner, List<StudyInput> batch,
            int offset, Set<Explanation> maps, Path overlayDir) {
        StudyResult[] out = new StudyResult[batch.size()];
        List<DiagnosisService.Prepared> ok = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            StudyInput s = batch.get(i);
            try {
                ok.add(service.prepare(s.id(), s.source(), s.load()));
                where.add(i);
            } catch (AttndxException e) {
                out[i] = StudyResult.failed(s.id(), s.source(), e.getMessage());
            }
        }
        if (!ok.isEmpty()) {
            List<DiagnosisService.Assessed> assessed = service.assess(ok, runner, maps);
            for (int j = 0; j < assessed.size(); j++) {
                out[where.get(j)] = withOverlay(assessed.get(j), offset + where.get(j), overlayDir);
            }
        }
        return List.of(out);
    }

    private static StudyResult withOverlay(DiagnosisService.Assessed a, int index, Path overlayDir) {
        if (overlayDir == null || a.maps().isEmpty()) {
            return a.result();
        }
        float[] map = a.maps().values().iterator().next();
        String name = a.study().id().replaceAll("(?i)\\.(png|jpe?g|tiff?|dcm|dicom)$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = overlayDir.resolve(String.format("%05d-%s.png", index, name));
        try {
            Files.createDirectories(overlayDir);
        } catch (java.io.IOException e) {
            throw new AttndxException("cannot create " + overlayDir + ": " + e.getMessage(), e);
        }
        OverlayRenderer.writeOverlay(a.study().view(), map, OVERLAY_OPACITY, file);
        return a.result().withOverlay(file.toString());
    }

    private static Path provenanceFile(Request r, DiagnosisService service, int studies) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("model", r.modelDir().toString());
        cfg.put("inputs", r.inputs().stream().map(Path::toString).toList());
        cfg.put("studies", studies);
        cfg.put("mode", r.mode().name());
        cfg.put("batchSize", r.batchSize());
        cfg.put("temperature", service.metadata().temperature());
        cfg.put("decision", service.metadata().decision());
        cfg.put("warnings", service.warnings());
        Path file = r.out().resolveSibling(r.out().getFileName() + ".provenance.json");
        Json.write(file, Provenance.capture("prediction", cfg, service.metadata().provenance().dataFingerprint(), -1));
        return file;
    }

    private static ProgressBar progressBar(Request r, int total) {
        if (r.progress() == null || total < PROGRESS_FROM) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("predict").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(r.progress())).setUpdateIntervalMillis(500).build();
    }
}
