package attndx.report;

import attndx.core.Engines;
import attndx.core.Json;
import attndx.core.Provenance;
import attndx.data.Dataset;
import attndx.data.DatasetFingerprint;
import attndx.data.Phantom;
import attndx.data.QcConfig;
import attndx.data.QcPolicy;
import attndx.data.QcScreen;
import attndx.data.PhantomConfig;
import attndx.data.Preprocessing;
import attndx.data.SplitRatios;
import attndx.data.Splits;
import attndx.explain.AuditConfig;
import attndx.explain.AuditProgress;
import attndx.explain.AuditRun;
import attndx.explain.MethodOptions;
import attndx.explain.SanityConfig;
import attndx.explain.eval.FaithfulnessConfig;
import attndx.explain.eval.LocalisationConfig;
import attndx.explain.eval.ShortcutConfig;
import attndx.kernels.KernelSelection;
import attndx.metrics.BootstrapConfig;
import attndx.metrics.EvaluationConfig;
import attndx.metrics.TrainingValidation;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import attndx.train.LearningRateSchedule;
import attndx.train.LossConfig;
import attndx.train.Precision;
import attndx.train.TrainConfig;
import attndx.train.Training;
import attndx.train.TrainingProgress;
import attndx.train.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A small but real run folder, laid out as {@link ExperimentResults} describes: two variants (GAP and multi-scale
 * attention) x two seeds trained for two epochs on a 32 x 32 phantom, each evaluated ({@link EvaluationRun}) and
 * audited ({@link AuditRun}) into its cell folder; results.json is written by hand from those files, as the
 * experiment runner would. Built once per test JVM under target/ so that it can be looked at after a failure.
 */
public final class ReportRunFixture {
    static final List<Long> SEEDS = List.of(1L, 2L);
    static final List<String> VARIANTS = List.of("gap", "attn-multiscale");
    private static Path run;

    static {
        Engines.configure();
    }

    private ReportRunFixture() {}

    /** The run folder, built on first use. */
    public static synchronized Path run() {
        if (run == null) {
            run = build(Path.of("target", "report-fixture", "run").toAbsolutePath());
        }
        return run;
    }

    private static Path build(Path dir) {
        delete(dir);
        // Larger, clearer lesions than the demo's default phantom: two epochs must give logits a temperature fits.
        Dataset data = Phantom.generate(new PhantomConfig(96, 32, 7, 0.5, 1, 2, 8, 0.02, new SplitRatios(0.5, 0.25,
                0.25), null, null, null));
        List<ExperimentResults.Cell> cells = new ArrayList<>();
        for (String variant : VARIANTS) {
            for (long seed : SEEDS) {
                cells.add(cell(dir, data, variant, seed));
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", "report-fixture");
        config.put("variants", VARIANTS);
        config.put("seeds", SEEDS);
        config.put("data", Map.of("phantom", Map.of("count", 96, "size", 32, "seed", 7)));
        config.put("train", Map.of("epochs", 2, "batchSize", 16, "learningRate", 3e-3, "width", 8));
        Provenance prov = Provenance.capture("experiment", config, DatasetFingerprint.of(data), SEEDS.get(0));
        Json.write(dir.resolve("experiment.json"), Map.of("config", config, "provenance", prov));
        QcScreen.Result qc = QcScreen.apply(data, QcConfig.defaults(), QcPolicy.FLAG);
        Json.write(dir.resolve("results.json"), FixtureTables.results(dir, prov, cells, SEEDS,
                new ExperimentResults.Qc("flag", qc.checked(), qc.flagged(), qc.excluded(), qc.byCheck())));
        return dir;
    }

    private static ExperimentResults.Cell cell(Path root, Dataset data, String variant, long seed) {
        long t0 = System.nanoTime();
        String rel = "cells/" + variant + "/seed-" + seed;
        Path dir = root.resolve(rel);
        ModelConfig model = ModelPresets.create(variant, 18, 8, ModelConfig.Stem.SMALL_INPUT, 1, 2);
        TrainConfig cfg = new TrainConfig(2, 16, 3e-3, 1e-4, LearningRateSchedule.constant(), 5, 0.5, seed,
                LossConfig.defaults(), null, null, Precision.AUTO);
        TrainingResult trained = Training.start(new Training.Request(data.split(Splits.TRAIN), data.split(Splits.VAL),
                model, Preprocessing.defaults(), cfg, dir.resolve("model")), new TrainingValidation(),
                TrainingProgress.silent());
        EvaluationConfig eval = EvaluationConfig.defaults().withBootstrap(new BootstrapConfig(50, 0.95, seed));
        EvaluationRun.Result evaluated = EvaluationRun.run(new EvaluationRun.Request(trained.modelDir(), data,
                Splits.TEST, Splits.VAL, eval, 0.05, List.of(0.0, 1.0), 0, KernelSelection.current().inference(),
                dir.resolve("evaluation")));
        List<String> methods = variant.equals("gap") ? List.of("cam", "gradcam") : List.of("attention", "gradcam");
        AuditConfig audit = new AuditConfig(methods, List.of(AuditConfig.FAITHFULNESS, AuditConfig.LOCALISATION,
                AuditConfig.STABILITY, AuditConfig.SHORTCUT), "predicted", 8, MethodOptions.defaults(),
                new FaithfulnessConfig(6, FaithfulnessConfig.defaults().blurSigma(), FaithfulnessConfig.defaults()
                        .level(), 64), LocalisationConfig.defaults(), 0, SanityConfig.defaults(),
                ShortcutConfig.defaults(), 0);
        var audited = AuditRun.run(new AuditRun.Request(trained.modelDir(), data.split(Splits.TEST), Splits.TEST, null,
                null, null, audit, null, dir.resolve("audit"), AuditProgress.silent()));
        ExperimentResults.Cell cell = new ExperimentResults.Cell(variant, seed, rel, (System.nanoTime() - t0) / 1e9,
                audited.shortcut() == null ? null : audited.shortcut().flagged(),
                shiftFlagged(evaluated), null);
        Json.write(dir.resolve("cell.json"), cell);
        return cell;
    }

    /** The runner's rule, mirrored: the strongest contrast shift is flagged when its KS test rejects at 5 %. */
    private static Boolean shiftFlagged(EvaluationRun.Result r) {
        var stress = r.stress().get("contrast");
        if (stress == null || stress.levels().isEmpty()) {
            return null;
        }
        var last = stress.levels().get(stress.levels().size() - 1);
        return last.ks() == null ? null : last.ks().pValue() < 0.05;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
