package attndx.train;

import java.util.Map;

/**
 * One line of the training log ({@code train-log.jsonl}): what happened in an epoch.
 *
 * @param seed the run's seed
 * @param epoch 1-based epoch
 * @param learningRate rate at the epoch's last step
 * @param loss mean of each loss term over the epoch's batches ("total", "cls", "sparse", ...)
 * @param skippedTerms terms not computed, with the reason
 * @param valAuc validation AUC
 * @param valEce validation ECE
 * @param valAccuracy validation accuracy
 * @param selectionScore AUC - eceWeight * ECE
 * @param best whether this epoch is the best so far (its model is saved)
 * @param seconds wall time of the epoch (training + validation)
 * @param imagesPerSecond training images per second
 * @param dataShare fraction of the training time spent outside the engine (batch assembly)
 * @param precision the arithmetic used ("FP32" or "FP16", see {@link Precision})
 * @param lossScale the loss scale at the epoch's end (1 in FP32)
 * @param skippedUpdates steps of the epoch whose update was skipped because a gradient overflowed
 * @param attention statistics of the maps that pooled the epoch's training batches (mean, max,
 *     entropy, share nearly constant; see {@link AttentionStatistics}), null for models without attention
 */
public record EpochRecord(long seed, int epoch, double learningRate, Map<String, Double> loss,
        Map<String, String> skippedTerms, double valAuc, double valEce, double valAccuracy, double selectionScore,
        boolean best, double seconds, double imagesPerSecond, double dataShare, String precision, double lossScale,
        int skippedUpdates, AttentionStatistics.Summary attention) {}
