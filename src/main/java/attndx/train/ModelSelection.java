package attndx.train;

/**
 * Early stopping and model selection on validation (seed section 5.3: "selected by validation
 * AUC and calibration error"). The score is {@code AUC - eceWeight * ECE}: with the default
 * weight 0.5, one point of AUC is worth two points of ECE, so calibration breaks near-ties in
 * AUC without overriding a clearly better discriminator. A NaN AUC (single-class validation
 * set) makes the epoch ineligible. A NaN ECE (no probabilities to bin, e.g. non-finite logits) counts
 * as the worst ECE, 1, so the epoch gets the lowest score its AUC allows instead of a calibration bonus,
 * and {@link #warning} says so. Training stops after {@code patience} epochs without an
 * improvement larger than {@code minDelta}.
 */
public final class ModelSelection {
    /** The ECE assumed when it is undefined: its largest possible value. */
    static final double WORST_ECE = 1.0;
    private final double eceWeight;
    private final int patience;
    private final double minDelta;
    private double best = Double.NEGATIVE_INFINITY;
    private int bestEpoch = -1;
    private int sinceBest;

    public ModelSelection(double eceWeight, int patience, double minDelta) {
        if (!(eceWeight >= 0)) {
            throw new IllegalArgumentException("selection.eceWeight must be >= 0, got " + eceWeight);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("selection.patience must be >= 1, got " + patience);
        }
        this.eceWeight = eceWeight;
        this.patience = patience;
        this.minDelta = minDelta;
    }

    /** The selection score of one validation result; an undefined ECE counts as {@value #WORST_ECE}. */
    public double score(double auc, double ece) {
        return Double.isNaN(auc) ? Double.NaN : auc - eceWeight * (Double.isNaN(ece) ? WORST_ECE : ece);
    }

    /** The warning for an epoch whose score had to assume the worst ECE, or null when its ECE is defined. */
    public static String warning(int epoch, double auc, double ece) {
        if (!Double.isNaN(ece) || Double.isNaN(auc)) {
            return null;
        }
        return "epoch " + epoch + ": validation ECE is undefined; its selection score counts the worst ECE, "
                + WORST_ECE;
    }

    /** Records an epoch's validation; returns true when it is the new best. */
    public boolean offer(int epoch, double auc, double ece) {
        double s = score(auc, ece);
        if (!Double.isNaN(s) && s > best + minDelta) {
            best = s;
            bestEpoch = epoch;
            sinceBest = 0;
            return true;
        }
        sinceBest++;
        return false;
    }

    /** Whether patience is exhausted. */
    public boolean shouldStop() {
        return sinceBest >= patience;
    }

    /** Best score so far (negative infinity before any eligible epoch). */
    public double bestScore() {
        return best;
    }

    /** Epoch of the best score (-1 before any eligible epoch). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Restores the state from a checkpoint. */
    public void restore(double bestScore, int bestEpochIndex, int epochsSinceBest) {
        this.best = bestScore;
        this.bestEpoch = bestEpochIndex;
        this.sinceBest = epochsSinceBest;
    }

    /** Epochs since the best one. */
    public int sinceBest() {
        return sinceBest;
    }
}
