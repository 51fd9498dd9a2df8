package attndx.cli;

import attndx.core.AttndxException;
import attndx.data.Dataset;
import attndx.data.DatasetLoader;
import attndx.data.Preprocessing;
import attndx.data.QcConfig;
import attndx.data.QcScreen;
import attndx.data.SplitAssignment;
import attndx.data.SplitRatios;
import attndx.data.Splits;
import attndx.data.Splitter;
import attndx.data.TaskType;
import attndx.metrics.TrainingValidation;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import attndx.train.AugmentConfig;
import attndx.train.ConsoleProgress;
import attndx.train.LearningRateSchedule;
import attndx.train.LossConfig;
import attndx.train.Precision;
import attndx.train.SeedSweep;
import attndx.train.TrainConfig;
import attndx.train.Training;
import attndx.train.TrainingProgress;
import attndx.train.TrainingResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code attndx train}: trains a diagnosis model with the full objective (seed Algorithm 1). */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a diagnosis model: classification + sparsity + smoothness + perturbation consistency.")
final class TrainCommand implements Callable<Integer> {
    /** The split assignment file of a run directory. */
    static final String SPLITS = SplitAssignment.RUN_FILE;
    @Option(names = "--data", required = true, description = "Dataset: .npz, manifest folder or DICOM folder.")
    Path data;
    @Mixin
    LoadOptionsMixin load;
    @Mixin
    QcOptionMixin qc;
    @Option(names = "--out", required = true, description = "Run directory (model/, train-log.jsonl, config.json, checkpoints/).")
    Path out;
    @Option(names = "--resume", description = "Continue the run in --out from its latest checkpoint; give the"
            + " run's original options and data (they are checked against its config.json).")
    boolean resume;
    @Option(names = "--model", defaultValue = ModelPresets.DEFAULT,
            description = "Preset: gap, se, cbam, attn-single, attn-multiscale (default ${DEFAULT-VALUE}).")
    String preset;
    @Option(names = "--depth", defaultValue = "18", description = "ResNet depth, 18 or 34 (default ${DEFAULT-VALUE}).")
    int depth;
    @Option(names = "--width", defaultValue = "64", description = "Stage-1 channels (default ${DEFAULT-VALUE}).")
    int width;
    @Option(names = "--stem", defaultValue = "SMALL_INPUT", description = "SMALL_INPUT (28-64 px) or STANDARD (default ${DEFAULT-VALUE}).")
    ModelConfig.Stem stem;
    @Option(names = "--attention", defaultValue = "shared", converter = AttentionModeConverter.class,
            description = "shared (one map) or class-specific (one map per class, seed 5.2) attention; attention"
            + " presets only (default ${DEFAULT-VALUE}).")
    ModelConfig.AttentionMode attention;
    @Option(names = "--pooling", description = "Attended pooling of attention presets: WEIGHTED_MEAN, MEAN or SOFTMAX"
            + " (default: the preset's, see docs/faithfulness.md).")
    ModelConfig.Pooling pooling;
    @Option(names = "--dropout", defaultValue = "0", description = "Dropout before the classifier (enables Monte-Carlo dropout in evaluate).")
    double dropout;
    @Option(names = "--size", defaultValue = "0", description = "Resize (with padding) to SIZE x SIZE; 0 keeps the input size.")
    int size;
    @Option(names = "--normalisation", defaultValue = "DATASET", description = "NONE, PER_IMAGE or DATASET (default ${DEFAULT-VALUE}).")
    Preprocessing.Normalisation normalisation;
    @Option(names = "--ratios", defaultValue = "0.7,0.15,0.15", description = "Patient-level train,val,test ratios for samples without a split.")
    String ratios;
    @Option(names = "--epochs", defaultValue = "30") int epochs;
    @Option(names = "--batch-size", defaultValue = "16") int batchSize;
    @Option(names = "--lr", defaultValue = "1e-4") double lr;
    @Option(names = "--weight-decay", defaultValue = "1e-4", description = "Decoupled, backbone only.") double weightDecay;
    @Option(names = "--schedule", defaultValue = "none", description = "none, cosine or step:EVERY:GAMMA, each optionally ',warmup=STEPS'.")
    String schedule;
    @Option(names = "--patience", defaultValue = "5") int patience;
    @Option(names = "--ece-weight", defaultValue = "0.5", description = "Selection score = AUC - w * ECE.") double eceWeight;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--seeds", split = ",", description = "Several runs (out/seed-N), reporting mean and std.")
    List<Long> seeds;
    @Option(names = "--lambda-sp", defaultValue = "0.01") double lambdaSp;
    @Option(names = "--lambda-tv", defaultValue = "0.1") double lambdaTv;
    @Option(names = "--lambda-con", defaultValue = "1.0") double lambdaCon;
    @Option(names = "--lambda-seg", defaultValue = "0", description = "Weight of the segmentation loss; > 0 adds the"
            + " segmentation head, trained on the images that have a mask (the data must have some).")
    double lambdaSeg;
    @Option(names = "--lambda-am", defaultValue = "" + LossConfig.DEFAULT_MINING, description = "Weight of attention"
            + " mining: the image with the top 10-90% of its attention erased must lose its finding (a normal image:"
            + " its certainty), and with only that part kept must keep its label; it starts after 20% of the steps and"
            + " reaches this weight at 40%; attention presets only; 0 = seed Table 1 (default"
            + " ${DEFAULT-VALUE}; docs/faithfulness.md).")
    double lambdaAm;
    @Option(names = "--label-smoothing", defaultValue = "0") double labelSmoothing;
    @Option(names = "--focal-gamma", defaultValue = "0") double focalGamma;
    @Option(names = "--class-weights", description = "Re-weight classes by inverse training frequency.") boolean classWeights;
    @Option(names = "--no-augment", description = "Switch augmentation off.") boolean noAugment;
    @Option(names = "--stain-jitter", defaultValue = "0", description = "HED stain jitter strength for RGB (0 = off).") double stain;
    @Option(names = "--precision", defaultValue = "AUTO", description = "AUTO (mixed fp16 on a GPU, fp32 on CPU),"
            + " FP32 or FP16 (mixed precision with dynamic loss scaling; default ${DEFAULT-VALUE}).")
    Precision precision;
    @Option(names = "--quiet", description = "No progress bar.") boolean quiet;
    @Option(names = "--verbose", description = "Stack traces on errors.") boolean verbose;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (resume && seeds != null) {
            throw new AttndxException("--resume continues a single run and cannot be combined with --seeds");
        }
        Dataset loaded = DatasetLoader.load(data, load.toOptions()).dataset();
        SplitAssignment assignment = new Splitter(SplitRatios.parse(ratios), seed).split(loaded);
        QcScreen.Result screened = QcScreen.apply(assignment.apply(loaded), QcConfig.defaults(), qc.policy);
        Dataset all = screened.dataset();
        ModelConfig model = modelConfig(all);
        Preprocessing pre = new Preprocessing(normalisation, 0.5f, 0.5f, size, size, 0f, 0f);
        TrainConfig cfg = new TrainConfig(epochs, batchSize, lr, weightDecay, LearningRateSchedule.parse(schedule),
                patience, eceWeight, seed, new LossConfig(lambdaSp, lambdaTv, lambdaCon, lambdaSeg, labelSmoothing,
                        focalGamma, classWeights, lambdaAm),
                noAugment ? null : withStain(AugmentConfig.defaults(seed)), null, precision);
        Training.Request request = new Training.Request(all.split(Splits.TRAIN), all.split(Splits.VAL), model, pre,
                cfg, out);
        if (!Files.exists(out.resolve(SPLITS))) {
            // Evaluation reads this to test on exactly the patients training never saw.
            assignment.writeCsv(out.resolve(SPLITS));
        }
        TrainingProgress progress = quiet ? TrainingProgress.silent() : new ConsoleProgress(System.err);
        if (seeds != null && !seeds.isEmpty()) {
            SeedSweep.Summary s = SeedSweep.run(request, seeds, new TrainingValidation(), progress);
            spec.commandLine().getOut().printf(Locale.ROOT, "%d seeds: val AUC %.4f +- %.4f, ECE %.4f +- %.4f; summary in %s%n",
                    s.seeds().size(), s.aucMean(), s.aucStd(), s.eceMean(), s.eceStd(), s.file());
            spec.commandLine().getOut().println(screened.summary());
            spec.commandLine().getOut().flush();
            return 0;
        }
        print(resume ? Training.resume(request, new TrainingValidation(), progress)
                : Training.start(request, new TrainingValidation(), progress));
        spec.commandLine().getOut().println(screened.summary());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The preset adapted to the data and to --pooling, --dropout, --lambda-seg and --attention. */
    private ModelConfig modelConfig(Dataset all) {
        ModelConfig model = ModelPresets.create(preset, depth, width, stem, all.info().channels(),
                all.info().numClasses());
        if (pooling != null) {
            if (!model.hasAttention()) {
                throw new AttndxException("--pooling needs an attention preset (attn-single, attn-multiscale), got"
                        + " --model " + preset);
            }
            model = model.withPooling(pooling);
        }
        if (dropout > 0) {
            model = model.withDropout(dropout);
        }
        if (lambdaSeg > 0) {
            // seed 4.1: the masks train an auxiliary decoder; without the head the term had nothing to act on
            model = model.withSegmentationHead(true);
        }
        if (attention == ModelConfig.AttentionMode.CLASS_SPECIFIC) {
            if (!model.hasAttention()) {
                throw new AttndxException("--attention class-specific needs an attention preset (attn-single,"
                        + " attn-multiscale), got --model " + preset);
            }
            model = model.withAttention(model.attentionStages(), attention, model.fusion(), model.fusionWeights(),
                    model.headBottleneck());
        }
        if (all.info().task() == TaskType.MULTILABEL) {
            model = model.withTask(all.info().channels(), all.info().numClasses(), true);
        }
        return model;
    }

    /** shared / class-specific to the attention mode. */
    static final class AttentionModeConverter implements ITypeConverter<ModelConfig.AttentionMode> {
        @Override
        public ModelConfig.AttentionMode convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "shared" -> ModelConfig.AttentionMode.SHARED;
                case "class-specific" -> ModelConfig.AttentionMode.CLASS_SPECIFIC;
                default -> throw new TypeConversionException("expected shared or class-specific, got '" + value + "'");
            };
        }
    }

    private AugmentConfig withStain(AugmentConfig a) {
        return new AugmentConfig(a.rotationDegrees(), a.cropScaleMin(), a.horizontalFlip(), a.brightnessDelta(),
                a.contrastDelta(), stain, a.seed());
    }

    private void print(TrainingResult r) {
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "best epoch %d of %d%s: val AUC %.4f, ECE %.4f, accuracy %.4f%nmodel: %s%nlog: %s%n",
                r.bestEpoch(), r.epochs().size(), r.stoppedEarly() ? " (stopped early)" : "", r.best().valAuc(),
                r.best().valEce(), r.best().valAccuracy(), r.modelDir(), r.runDir().resolve("train-log.jsonl"));
        w.flush();
    }
}
