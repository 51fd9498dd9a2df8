package attndx.report;

import attndx.core.AttndxException;
import attndx.core.Provenance;
import attndx.data.Dataset;
import attndx.data.DatasetFingerprint;
import attndx.data.SplitAssignment;
import attndx.data.SplitRatios;
import attndx.data.Splits;
import attndx.data.Splitter;
import attndx.model.DiagnosisModel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The split an evaluation uses, chosen so that a model is never tested on its training patients:
 * <ol>
 *   <li>the split file given by the user, else the {@value SplitAssignment#RUN_FILE} the training run
 *       wrote (in the model's run directory, or the seed sweep's directory above it);</li>
 *   <li>else, when every sample carries its own split (e.g. MedMNIST), those splits;</li>
 *   <li>else the patient-level split is redone with the training seed recorded in model.json (or the
 *       seed given) and the given ratios, and accepted only when its training split is the one the model
 *       was trained on (the training-data fingerprint model.json records); otherwise it is refused.</li>
 * </ol>
 */
public final class EvaluationSplits {
    private EvaluationSplits() {}

    /**
     * {@code data} with every sample's split set.
     *
     * @param modelDir the model directory
     * @param splitsFile a split assignment CSV, or null to look for the run's
     * @param ratios the ratios of a redone split
     * @param splitSeed the seed of a redone split, or null for the model's training seed
     * @throws AttndxException when a redone split is not the model's training split
     */
    public static Dataset assign(Dataset data, Path modelDir, Path splitsFile, SplitRatios ratios, Long splitSeed) {
        Path file = splitsFile != null ? splitsFile : runSplits(modelDir);
        if (file != null) {
            return SplitAssignment.readCsv(file).apply(data);
        }
        if (data.samples().stream().allMatch(s -> s.split() != null)) {
            return data;
        }
        Provenance trained = DiagnosisModel.readMetadata(modelDir).provenance();
        long seed = splitSeed != null ? splitSeed : trained.seed();
        Dataset split = new Splitter(ratios, seed).assign(data);
        String found = DatasetFingerprint.of(split.split(Splits.TRAIN));
        if (trained.dataFingerprint().isEmpty() || !trained.dataFingerprint().equals(found)) {
            throw new AttndxException("no " + SplitAssignment.RUN_FILE + " next to " + modelDir + " and the data has"
                    + " no split column; the split redone with seed " + seed + " and ratios " + ratios.train() + ","
                    + ratios.val() + "," + ratios.test() + " does not give the training split "
                    + modelDir.resolve(DiagnosisModel.METADATA_FILE) + " records (training data "
                    + (trained.dataFingerprint().isEmpty() ? "not recorded" : trained.dataFingerprint())
                    + ", this split's " + found + "), so test patients could be training patients: give the run's"
                    + " split with --splits FILE, or the --split-seed and --ratios the model was trained with");
        }
        return split;
    }

    /** splits.csv of the model's run directory (or of the sweep above it), or null. */
    private static Path runSplits(Path modelDir) {
        Path run = modelDir.toAbsolutePath().getParent();
        for (Path dir = run; dir != null && dir.startsWith(run.getParent()); dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SplitAssignment.RUN_FILE))) {
                return dir.resolve(SplitAssignment.RUN_FILE);
            }
        }
        return null;
    }
}
