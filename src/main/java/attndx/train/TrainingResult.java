package attndx.train;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a training run.
 *
 * @param runDir the run directory (config.json, train-log.jsonl, checkpoints/, model/)
 * @param modelDir the best model's directory
 * @param bestEpoch epoch of the selected model
 * @param best the selected epoch's record
 * @param epochs every epoch's record, in order
 * @param stoppedEarly whether patience ended the run before the last epoch
 */
public record TrainingResult(Path runDir, Path modelDir, int bestEpoch, EpochRecord best, List<EpochRecord> epochs,
        boolean stoppedEarly) {
    public TrainingResult {
        epochs = List.copyOf(epochs);
    }
}
