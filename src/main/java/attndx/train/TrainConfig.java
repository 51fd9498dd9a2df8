package attndx.train;

/**
 * Everything that defines a training run (seed section 5.3, 5.5, Algorithm 1; Table 1 defaults).
 * Saved as {@code config.json} in the run directory; a resume must present the same config.
 *
 * @param epochs maximum epochs, in [1, 10000]
 * @param batchSize images per step, in [2, 4096] (BatchNorm needs at least 2)
 * @param learningRate Adam learning rate, in (0, 1]
 * @param weightDecay decoupled weight decay on the backbone parameters only, in [0, 1]
 * @param schedule learning-rate schedule over all steps
 * @param patience early stopping: epochs without a better selection score, in [1, 10000]
 * @param eceWeight model selection score = AUC - eceWeight * ECE, in [0, 10]
 * @param seed seed of parameter initialisation, batch order, augmentation, perturbations and dropout
 * @param loss objective weights and options
 * @param augment augmentation, or null for none
 * @param perturbation the consistency loss's perturbation set, or null for the defaults at the
 *     model's attention stride (chosen at the start of the run and recorded)
 * @param precision arithmetic of the steps ({@link Precision#AUTO}: mixed fp16 on a GPU, fp32 on CPU)
 */
public record TrainConfig(int epochs, int batchSize, double learningRate, double weightDecay,
        LearningRateSchedule schedule, int patience, double eceWeight, long seed, LossConfig loss,
        AugmentConfig augment, PerturbationConfig perturbation, Precision precision) {

    public TrainConfig {
        Validate.range("train.epochs", epochs, 1, 10000);
        Validate.range("train.batchSize", batchSize, 2, 4096);
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("train.learningRate must be in (0, 1], got " + learningRate);
        }
        Validate.range("train.weightDecay", weightDecay, 0, 1);
        Validate.range("train.patience", patience, 1, 10000);
        Validate.range("train.eceWeight", eceWeight, 0, 10);
        if (schedule == null) {
            throw new IllegalArgumentException("train.schedule must be given (use LearningRateSchedule.constant())");
        }
        if (loss == null) {
            throw new IllegalArgumentException("train.loss must be given (use LossConfig.defaults())");
        }
        if (precision == null) {
            throw new IllegalArgumentException("train.precision must be given (auto, fp32 or fp16)");
        }
    }

    /**
     * Paper defaults: Adam 1e-4, batch 16, Table 1 loss weights plus attention mining ({@link LossConfig#defaults()}),
     * default augmentation, weight decay 1e-4, constant rate, patience 5, ECE weight 0.5.
     */
    public static TrainConfig defaults(int epochs, long seed) {
        return new TrainConfig(epochs, 16, 1e-4, 1e-4, LearningRateSchedule.constant(), 5, 0.5, seed,
                LossConfig.defaults(), AugmentConfig.defaults(seed), null, Precision.AUTO);
    }

    /** A copy with another seed (augmentation and perturbation seeds follow it). */
    public TrainConfig withSeed(long newSeed) {
        AugmentConfig a = augment == null ? null : new AugmentConfig(augment.rotationDegrees(), augment.cropScaleMin(),
                augment.horizontalFlip(), augment.brightnessDelta(), augment.contrastDelta(), augment.stainSigma(), newSeed);
        PerturbationConfig p = perturbation == null ? null : new PerturbationConfig(perturbation.rotationDegrees(),
                perturbation.translationPixels(), perturbation.translationStride(), perturbation.horizontalFlip(),
                perturbation.resizeDelta(), perturbation.contrastDelta(), perturbation.gammaDelta(),
                perturbation.noiseStd(), perturbation.occlusionFraction(), newSeed);
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, schedule, patience, eceWeight, newSeed,
                loss, a, p, precision);
    }

    /** A copy with another number of epochs (e.g. to extend a resumed run). */
    public TrainConfig withEpochs(int newEpochs) {
        return new TrainConfig(newEpochs, batchSize, learningRate, weightDecay, schedule, patience, eceWeight, seed,
                loss, augment, perturbation, precision);
    }

    /** A copy with other loss weights and options. */
    public TrainConfig withLoss(LossConfig newLoss) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, schedule, patience, eceWeight, seed,
                newLoss, augment, perturbation, precision);
    }

    /** A copy with another learning rate and schedule. */
    public TrainConfig withRate(double newLearningRate, LearningRateSchedule newSchedule) {
        return new TrainConfig(epochs, batchSize, newLearningRate, weightDecay, newSchedule, patience, eceWeight, seed,
                loss, augment, perturbation, precision);
    }

    /** A copy with another precision. */
    public TrainConfig withPrecision(Precision newPrecision) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, schedule, patience, eceWeight, seed,
                loss, augment, perturbation, newPrecision);
    }

    /** A copy with the perturbation set made explicit. */
    public TrainConfig withPerturbation(PerturbationConfig p) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, schedule, patience, eceWeight, seed,
                loss, augment, p, precision);
    }
}
