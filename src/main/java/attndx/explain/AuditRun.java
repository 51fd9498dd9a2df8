package attndx.explain;

import attndx.core.AttndxException;
import attndx.core.Json;
import attndx.core.Provenance;
import attndx.data.Dataset;
import attndx.data.DatasetFingerprint;
import attndx.explain.eval.ExplainData;
import attndx.explain.eval.Faithfulness;
import attndx.explain.eval.LocalisationCheck;
import attndx.explain.eval.PerImageScores;
import attndx.explain.eval.RunnerScorer;
import attndx.explain.eval.ShortcutTest;
import attndx.explain.eval.Stability;
import attndx.explain.eval.StabilityConfig;
import attndx.explain.eval.Summary;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig;
import attndx.model.Prediction;
import attndx.train.ValidationScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code attndx audit}: the quantitative audit of a model's explanations (seed sections 4.2, 6, 7.6, 9.2, 9.3).
 * Writes {@code audit.json} ({@link AuditReport}), {@code per-image.csv}, {@code curves/} (mean deletion and
 * insertion curves with the random reference) and {@code overlays/<method>/} (best, median and worst image by
 * insertion minus deletion area). {@code audit.json} is written last, through a temporary file renamed at the
 * end, and a stale one is removed first: a failed audit never leaves a file that looks complete.
 */
public final class AuditRun {
    public static final String FILE = "audit.json";
    public static final String PER_IMAGE = "per-image.csv";

    private AuditRun() {}

    /**
     * What to audit.
     *
     * @param train training split, for the shuffled-label model (null unless {@code config.sanityEpochs() > 0})
     * @param val validation split, likewise
     * @param randomLabelModel a model trained on shuffled labels, or null
     * @param scorer the trainer's validation scorer (for the shuffled-label model)
     */
    public record Request(Path modelDir, Dataset split, String splitName, Dataset train, Dataset val,
            Path randomLabelModel, AuditConfig config, ValidationScorer scorer, Path outDir, AuditProgress progress) {}

    /** Runs the audit and writes its files. */
    public static AuditReport run(Request r) {
        AuditConfig c = r.config();
        Path json = r.outDir().resolve(FILE);
        try {
            Files.createDirectories(r.outDir());
            Files.deleteIfExists(json);
        } catch (IOException e) {
            throw new AttndxException("cannot prepare " + r.outDir() + ": " + e.getMessage(), e);
        }
        try (ModelInputs in = ModelInputs.load(r.modelDir(), r.split(), c.limit(), ExplainRun.target(c.target()),
                c.options().batchSize())) {
            Methods.requireApplicable(c.methods(), in.model().config());
            List<String> methods = new ArrayList<>(c.methods());
            methods.remove(Methods.RANDOM);
            methods.add(Methods.RANDOM);
            List<String> warnings = new ArrayList<>(in.warnings());
            ExplainData d = in.data();
            r.progress().start("maps", methods.size());
            Map<String, float[][]> maps = in.maps(methods, c.options(), r.progress()::step);
            r.progress().done();
            PerImageScores scores = new PerImageScores(d.ids());
            scores.put("label", toDouble(d.labels()));
            scores.put("target", toDouble(in.targets()));
            scores.put("p_target", toDouble(in.targetProbabilities()));
            Map<String, Faithfulness.Result> faith = c.runs(AuditConfig.FAITHFULNESS) ? faithfulness(in, maps, c, scores,
                    r.progress()) : null;
            AuditReport.Localisation loc = c.runs(AuditConfig.LOCALISATION) ? localisation(d, maps, c, scores, warnings)
                    : null;
            Map<String, Stability.Result> stab = c.runs(AuditConfig.STABILITY) ? stability(in, methods, maps, c, scores,
                    r.progress()) : null;
            Map<String, SanityChecks.Result> sanity = c.runs(AuditConfig.SANITY) ? sanity(r, in, methods, c,
                    r.progress()) : null;
            ShortcutTest.Result shortcut = c.runs(AuditConfig.SHORTCUT) ? shortcut(in, methods, maps, c,
                    r.progress()) : null;
            Map<String, Summary> distributions = new LinkedHashMap<>();
            scores.columns().forEach((k, v) -> distributions.put(k, Summary.of(v, d.ids(), !k.endsWith(".deletion"))));
            scores.writeCsv(r.outDir().resolve(PER_IMAGE));
            AuditFiles.curves(r.outDir().resolve("curves"), faith);
            AuditFiles.overlays(r.outDir().resolve("overlays"), in, maps, scores);
            AuditReport report = new AuditReport(Provenance.capture("audit", provenance(r), DatasetFingerprint.of(
                    r.split()), c.options().seed()), c, d.size(), methods, warnings, faith, loc, stab, sanity, shortcut,
                    distributions);
            Path tmp = r.outDir().resolve(FILE + ".tmp");
            Json.write(tmp, report);
            Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return report;
        } catch (IOException e) {
            throw new AttndxException("cannot write " + json + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> provenance(Request r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model", r.modelDir().toString());
        p.put("split", r.splitName());
        p.put("randomLabelModel", r.randomLabelModel() == null ? null : r.randomLabelModel().toString());
        return p;
    }

    private static Map<String, Faithfulness.Result> faithfulness(ModelInputs in, Map<String, float[][]> maps,
            AuditConfig c, PerImageScores scores, AuditProgress progress) {
        ExplainData d = in.data();
        progress.start("deletion/insertion", maps.size());
        Map<String, Faithfulness.Result> out = Faithfulness.run(new RunnerScorer(in.runner(), d.channels(), d.height(),
                d.width()), d, in.targets(), in.targetProbabilities(), maps, maps.get(Methods.RANDOM), c.faithfulness(),
                scores, progress::step);
        progress.done();
        return out;
    }

    private static AuditReport.Localisation localisation(ExplainData d, Map<String, float[][]> maps, AuditConfig c,
            PerImageScores scores, List<String> warnings) {
        int annotated = d.annotated();
        if (annotated == 0) {
            String reason = "the split has no lesion masks or boxes: localisation skipped for all " + d.size()
                    + " images";
            warnings.add(reason);
            return new AuditReport.Localisation(0, d.size(), reason, Map.of());
        }
        Map<String, LocalisationCheck.Result> m = LocalisationCheck.run(d, maps, c.localisation(), scores);
        String reason = annotated < d.size() ? (d.size() - annotated) + " of " + d.size()
                + " images have no annotation (no lesion mask or box) and are skipped, not scored 0" : null;
        return new AuditReport.Localisation(annotated, d.size() - annotated, reason, m);
    }

    private static Map<String, Stability.Result> stability(ModelInputs in, List<String> methods,
            Map<String, float[][]> maps, AuditConfig c, PerImageScores scores, AuditProgress progress) {
        ExplainData d = in.data();
        int stride = attentionStride(in);
        int shift = c.stabilityTranslation() > 0 ? c.stabilityTranslation() : stride;
        StabilityConfig cfg = new StabilityConfig(0.1, 0.02, Math.max(shift, stride), stride, c.options().seed(),
                c.options().batchSize());
        Map<String, Stability.Result> out = new LinkedHashMap<>();
        progress.start("stability", methods.size());
        for (String m : methods) {
            try (ExplanationMethod e = Methods.create(m, in.model(), in.runner(), c.options())) {
                out.put(m, Stability.run(in.model().model().getNDManager(), d, in.targets(), m,
                        (x, t) -> e.explain(x, d.channels(), d.height(), d.width(), t), maps.get(m), cfg, scores));
            }
            progress.step();
        }
        progress.done();
        return out;
    }

    /** Image pixels per attention cell (1 without attention). */
    private static int attentionStride(ModelInputs in) {
        ModelConfig cfg = in.model().config();
        if (!cfg.hasAttention()) {
            return 1;
        }
        ExplainData d = in.data();
        Prediction p = in.runner().predict(new float[][] {d.images()[0]}, d.channels(), d.height(), d.width());
        return Math.max(1, d.height() / p.mapHeight());
    }

    private static Map<String, SanityChecks.Result> sanity(Request r, ModelInputs in, List<String> methods,
            AuditConfig c, AuditProgress progress) {
        ExplainData d = in.data();
        int n = Math.min(c.sanity().images(), d.size());
        float[][] images = java.util.Arrays.copyOf(d.images(), n);
        int[] targets = java.util.Arrays.copyOf(in.targets(), n);
        List<String> checked = new ArrayList<>(methods);
        checked.remove(Methods.RANDOM);
        checked.add(Methods.EDGE);
        checked = checked.stream().distinct().toList();
        Map<String, float[][]> original = in.maps(checked, c.options(), () -> { });
        DiagnosisModel labels = null;
        try {
            if (r.randomLabelModel() != null) {
                labels = DiagnosisModel.load(r.randomLabelModel());
            } else if (c.sanityEpochs() > 0) {
                if (r.train() == null || r.val() == null || r.train().size() == 0 || r.val().size() == 0) {
                    throw new AttndxException("--sanity-labels needs the data's train and val splits to train the"
                            + " shuffled-label model");
                }
                labels = LabelRandomisation.train(in.model(), r.train(), r.val(), c.sanityEpochs(), c.options().seed(),
                        r.scorer(), r.outDir().resolve("sanity-labels-run"));
            }
            progress.start("sanity", WeightRandomiser.GROUPS.size());
            Map<String, SanityChecks.Result> out = SanityChecks.run(() -> DiagnosisModel.load(r.modelDir()), labels,
                    checked, c.options(), images, d.channels(), d.height(), d.width(), targets, original, c.sanity(),
                    progress::step);
            progress.done();
            return out;
        } finally {
            if (labels != null) {
                labels.close();
            }
        }
    }

    private static ShortcutTest.Result shortcut(ModelInputs in, List<String> methods, Map<String, float[][]> maps,
            AuditConfig c, AuditProgress progress) {
        Map<String, float[][]> mass = new LinkedHashMap<>();
        for (String m : methods) {
            if (m.startsWith(Methods.ATTENTION) || m.startsWith(Methods.GRADCAM) || m.equals(Methods.CAM)) {
                mass.put(m, maps.get(m));
            }
        }
        ExplainData d = in.data();
        boolean binary = in.model().config().numClasses() == 2;
        progress.start("shortcut", 8 * c.shortcut().widths().size());
        ShortcutTest.Result out = ShortcutTest.run(d, in.targets(), x -> in.runner().predict(x, d.channels(),
                d.height(), d.width()).probabilities(), mass, c.shortcut(), binary, progress::step);
        progress.done();
        return out;
    }

    private static double[] toDouble(int[] v) {
        return java.util.Arrays.stream(v).asDoubleStream().toArray();
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
