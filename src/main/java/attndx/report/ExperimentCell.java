package attndx.report;

import attndx.calibrate.CalibrationComparison;
import attndx.calibrate.CalibrationMetrics;
import attndx.core.AttndxException;
import attndx.core.Json;
import attndx.data.Dataset;
import attndx.data.ShortcutMarker;
import attndx.data.SplitAssignment;
import attndx.data.Splits;
import attndx.data.TaskType;
import attndx.explain.AuditConfig;
import attndx.explain.AuditProgress;
import attndx.explain.AuditReport;
import attndx.explain.AuditRun;
import attndx.explain.eval.Faithfulness;
import attndx.explain.eval.LocalisationCheck;
import attndx.explain.eval.Stability;
import attndx.explain.eval.Summary;
import attndx.kernels.KernelSelection;
import attndx.metrics.ClassMetrics;
import attndx.metrics.DiagnosticSummary;
import attndx.metrics.Estimate;
import attndx.metrics.StressTestReport;
import attndx.metrics.TrainingValidation;
import attndx.model.ModelConfig;
import attndx.train.Training;
import attndx.train.TrainingProgress;
import attndx.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One cell of an experiment: a variant trained with one seed ({@link Training#start}), evaluated on the test split
 * with calibration fitted on validation and the configured synthetic shift ({@link EvaluationRun}), and its
 * explanations audited ({@link AuditRun}). {@value #FILE} is written last, through a temporary file moved into
 * place, so its presence means the cell is complete; a folder without it is a cell in progress and is started over.
 */
final class ExperimentCell {
    /** The file that marks a cell done. */
    static final String FILE = "cell.json";

    private ExperimentCell() {}

    /** The cell's folder relative to the run folder. */
    static String dir(Variant v, long seed) {
        return "cells/" + v.id() + "/seed-" + seed;
    }

    /** The finished cell in {@code cellDir}, or null when it is not finished. */
    static CellRecord read(Path cellDir) {
        Path f = cellDir.resolve(FILE);
        return Files.isRegularFile(f) ? Json.read(f, CellRecord.class) : null;
    }

    /** Runs the cell into {@code runDir}/{@link #dir} (removing what an interrupted run left) and records it. */
    static CellRecord run(ExperimentConfig c, ExperimentData data, Variant v, long seed, Path runDir,
            TrainingProgress training, AuditProgress audit) {
        long start = System.nanoTime();
        String rel = dir(v, seed);
        Path dir = runDir.resolve(rel);
        deleteTree(dir);
        // The shortcut variant's data carry a marker the model can cheat with, in every split (as a site's would).
        Dataset all = v.plantedShortcut()
                ? ShortcutMarker.plant(data.dataset(), c.data().shortcutStrength(), c.data().splitSeed())
                : data.dataset();
        // evaluate/audit/predict read this to use the same patients later on
        SplitAssignment.of(all).writeCsv(dir.resolve(SplitAssignment.RUN_FILE));
        ModelConfig model = ExperimentSettings.model(c, v, all.info().channels(), all.info().numClasses());
        if (all.info().task() == TaskType.MULTILABEL) {
            model = model.withTask(all.info().channels(), all.info().numClasses(), true);
        }
        TrainingResult trained = Training.start(new Training.Request(all.split(Splits.TRAIN),
                all.split(c.calibration().split()), model, ExperimentSettings.preprocessing(c),
                ExperimentSettings.train(c, v, seed), dir), new TrainingValidation(), training);
        Map<String, Double> stages = new LinkedHashMap<>();
        long mark = System.nanoTime();
        stages.put("training", (mark - start) / 1e9);
        EvaluationRun.Result eval = EvaluationRun.run(new EvaluationRun.Request(trained.modelDir(), all,
                c.evaluation().split(), c.calibration().split(), ExperimentSettings.evaluation(c, seed),
                c.calibration().falseFlagRate(), List.of(c.shift().strength()), 0,
                KernelSelection.current().inference(), dir.resolve("evaluation")));
        stages.put("evaluation", (System.nanoTime() - mark) / 1e9);
        mark = System.nanoTime();
        AuditConfig ac = ExperimentSettings.audit(c, v, seed);
        AuditReport report = AuditRun.run(new AuditRun.Request(trained.modelDir(), all.split(c.evaluation().split()),
                c.evaluation().split(), null, null, null, ac, new TrainingValidation(), dir.resolve("audit"), audit));
        stages.put("audit", (System.nanoTime() - mark) / 1e9);
        List<String> warnings = new ArrayList<>();
        Map<String, CellRecord.Figure> figures = new TreeMap<>();
        diagnosis(eval, figures, warnings);
        explanation(report, figures);
        Boolean shift = shiftFlagged(eval, c.shift(), warnings);
        ExperimentResults.Cell cell = new ExperimentResults.Cell(v.id(), seed, rel, (System.nanoTime() - start) / 1e9,
                report.shortcut() == null ? null : report.shortcut().flagged(), shift, stages);
        CellRecord record = new CellRecord(CellRecord.FORMAT, cell, figures, warnings);
        write(dir, record);
        return record;
    }

    /** AUC (binary: the positive class; else macro), Sens@Spec at the validation threshold, ECE after scaling. */
    private static void diagnosis(EvaluationRun.Result eval, Map<String, CellRecord.Figure> out, List<String> warnings) {
        DiagnosticSummary d = eval.report().diagnostic();
        boolean binary = eval.report().task() == TaskType.BINARY;
        ClassMetrics positive = binary ? d.perClass().get(0) : null;
        out.put("auc", figure(binary ? positive.auc() : d.macroAuc()));
        if (positive != null && positive.atValidationThreshold() != null) {
            out.put("sensAtSpec", figure(positive.atValidationThreshold().sensitivity()));
        } else {
            out.put("sensAtSpec", CellRecord.Figure.of(Double.NaN));
            warnings.add("Sens@Spec is defined for binary tasks with a validation operating point only");
        }
        CalibrationComparison cal = eval.report().calibration().get(0);
        CalibrationMetrics after = cal.after();
        if (after == null) {
            warnings.add("temperature scaling did not run: ECE is before scaling");
        }
        out.put("ecePercent", CellRecord.Figure.of(100 * (after != null ? after : cal.before()).ece()));
        eval.report().warnings().forEach(w -> warnings.add("evaluation: " + w));
    }

    /** Per audited method (the random reference left out): deletion, insertion, stability, pointing game. */
    private static void explanation(AuditReport a, Map<String, CellRecord.Figure> out) {
        for (String m : a.methods()) {
            if (m.equals(attndx.explain.Methods.RANDOM)) {
                continue;
            }
            Faithfulness.Result f = a.faithfulness() == null ? null : a.faithfulness().get(m);
            if (f != null) {
                out.put("deletionAuc." + m, CellRecord.Figure.of(f.deletion().area().mean()));
                out.put("insertionAuc." + m, CellRecord.Figure.of(f.insertion().area().mean()));
            }
            Stability.Result s = a.stability() == null ? null : a.stability().get(m);
            if (s != null && s.s().get("overall") != null) {
                out.put("stability." + m, CellRecord.Figure.of(s.s().get("overall").mean()));
            }
            LocalisationCheck.Result l = a.localisation() == null ? null : a.localisation().methods().get(m);
            Summary pointing = l == null ? null : l.scores().get("pointing");
            if (pointing != null) {
                out.put("pointingGame." + m, CellRecord.Figure.of(pointing.mean()));
            }
        }
    }

    /** Whether the cohort under the configured shift differs from validation (KS p below the level). */
    private static Boolean shiftFlagged(EvaluationRun.Result eval, ExperimentConfig.Shift shift,
            List<String> warnings) {
        StressTestReport r = eval.stress().get(shift.shiftKind().label());
        if (r == null || r.levels().isEmpty() || r.levels().get(0).ks() == null) {
            warnings.add("the synthetic " + shift.kind() + " shift could not be tested");
            return null;
        }
        return r.levels().get(0).ks().pValue() < shift.level();
    }

    private static CellRecord.Figure figure(Estimate e) {
        return e == null ? CellRecord.Figure.of(Double.NaN) : new CellRecord.Figure(e.value(), e.lower(), e.upper());
    }

    private static void write(Path dir, CellRecord record) {
        Path tmp = dir.resolve(FILE + ".tmp");
        Json.write(tmp, record);
        try {
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AttndxException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** Removes what an interrupted run of this cell left. */
    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new AttndxException("cannot clear the unfinished cell " + dir + ": " + e.getMessage(), e);
        }
    }
}
