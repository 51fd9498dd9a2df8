package attndx.train;

/** Receives progress events from a training run (the console progress bar, or nothing in tests). */
public interface TrainingProgress {

    /** A run's epoch starts with {@code batches} steps. */
    default void epochStarted(int epoch, int epochs, int batches) {}

    /** A step finished: the batch's loss terms and the running image rate. */
    default void batchFinished(java.util.Map<String, Float> loss, double imagesPerSecond) {}

    /** An epoch finished (training and validation). */
    default void epochFinished(EpochRecord record) {}

    /** Something the user should know about the run (e.g. a figure that was undefined). */
    default void warning(String message) {}

    /** No progress output. */
    static TrainingProgress silent() {
        return new TrainingProgress() {};
    }
}
