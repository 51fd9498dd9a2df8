package attndx.report;

import attndx.data.PhantomConfig;
import attndx.data.Preprocessing;
import attndx.data.SplitRatios;
import attndx.data.SyntheticShift;
import attndx.data.TaskType;
import attndx.model.ModelConfig;
import attndx.train.Precision;
import java.util.List;
import java.util.Locale;

/**
 * One experiment (seed sections 7-9, Tables 1-3): the data, preprocessing, the variants to compare, the objective,
 * optimiser, schedule, augmentation, calibration, evaluation, synthetic shift and audit settings, and the seeds.
 * Read from YAML by {@link ExperimentConfigLoader} over the documented defaults
 * ({@code attndx/report/experiment-defaults.yaml}: the seed's Table 1 plus attention mining) and a profile; every
 * key is present once resolved. Each section maps onto the records the packages below already validate
 * ({@link ExperimentSettings}); the compact constructors here check only what no such record covers, naming the key
 * and its range.
 */
public record ExperimentConfig(String name, String profile, Data data, PreprocessingSection preprocessing,
        ModelSection model, List<String> variants, LossSection loss, TrainSection train, ScheduleSection schedule,
        AugmentSection augment, Calibration calibration, Evaluation evaluation, Shift shift, Audit audit,
        List<Long> seeds) {

    /** The profiles, each a documented overlay of the defaults. */
    public static final List<String> PROFILES = List.of("paper", "cpu-small");

    public ExperimentConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be a non-blank string");
        }
        if (!PROFILES.contains(profile)) {
            throw new IllegalArgumentException("profile must be one of " + PROFILES + ", got " + profile);
        }
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("variants must name at least one of " + Variant.NAMES);
        }
        for (String v : variants) {
            Variant.of(v);
        }
        if (variants.stream().distinct().count() != variants.size()) {
            throw new IllegalArgumentException("variants must not repeat a name, got " + variants);
        }
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty() || seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("seeds must be a non-empty list of distinct integers, got " + seeds);
        }
    }

    /**
     * Where the images come from.
     *
     * @param path dataset path, or null for the phantom
     * @param split auto, given or resplit
     * @param shortcutStrength strength of the marker planted for the {@code shortcut} variant, in (0, 1]
     * @param qc what quality control does with flagged images: flag (keep) or exclude
     */
    public record Data(String path, PhantomSection phantom, String name, List<String> classes, TaskType task,
            String split, List<Double> ratios, long splitSeed, double shortcutStrength, String qc) {
        /** The quality-control policies. */
        public static final List<String> QC = List.of("flag", "exclude");

        /** The split policies. */
        public static final List<String> SPLITS = List.of("auto", "given", "resplit");

        public Data {
            if (!SPLITS.contains(split)) {
                throw new IllegalArgumentException("data.split must be one of " + SPLITS + ", got " + split);
            }
            if (ratios == null || ratios.size() != 3) {
                throw new IllegalArgumentException("data.ratios must be three fractions [train, val, test], got "
                        + ratios);
            }
            if (!QC.contains(qc)) {
                throw new IllegalArgumentException("data.qc must be one of " + QC + ", got " + qc);
            }
            if (!(shortcutStrength > 0 && shortcutStrength <= 1)) {
                throw new IllegalArgumentException("data.shortcutStrength must be in (0, 1], got " + shortcutStrength);
            }
            ratios = List.copyOf(ratios);
            try {
                new SplitRatios(ratios.get(0), ratios.get(1), ratios.get(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("data.ratios: " + e.getMessage(), e);
            }
        }

        /** The ratios as the splitter takes them. */
        public SplitRatios splitRatios() {
            return new SplitRatios(ratios.get(0), ratios.get(1), ratios.get(2));
        }
    }

    /**
     * The built-in phantom ({@link PhantomConfig}): size, seed, noise and the lesions' contrast and radius ranges
     * ([min, max]; radius as a fraction of the side), which set how hard it is.
     */
    public record PhantomSection(int count, int size, long seed, double noise, List<Double> contrast,
            List<Double> radius) {
        public PhantomSection {
            contrast = pair("data.phantom.contrast", contrast);
            radius = pair("data.phantom.radius", radius);
            config(count, size, seed, noise, contrast, radius);
        }

        private static List<Double> pair(String key, List<Double> v) {
            if (v == null || v.size() != 2 || v.contains(null)) {
                throw new IllegalArgumentException(key + " must be a range [min, max], got " + v);
            }
            return List.copyOf(v);
        }

        /** The phantom benchmark's config. */
        public PhantomConfig toConfig() {
            return config(count, size, seed, noise, contrast, radius);
        }

        private static PhantomConfig config(int count, int size, long seed, double noise, List<Double> contrast,
                List<Double> radius) {
            PhantomConfig d = PhantomConfig.defaults();
            PhantomConfig.Lesions l = d.lesions();
            try {
                return new PhantomConfig(count, size, seed, d.positiveFraction(), d.minImagesPerPatient(),
                        d.maxImagesPerPatient(), d.bitDepth(), noise, d.ratios(), new PhantomConfig.Lesions(l.max(),
                                radius.get(0), radius.get(1), contrast.get(0), contrast.get(1), l.maxSoftness()),
                        null, null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("data." + e.getMessage(), e);
            }
        }
    }

    /** Resize, normalisation and masks ({@link Preprocessing}); size 0 keeps the input size. */
    public record PreprocessingSection(int size, Preprocessing.Normalisation normalisation, float borderMask,
            float cornerMask) {
        public PreprocessingSection {
            if (size < 0 || size > 4096) {
                throw new IllegalArgumentException("preprocessing.size must be in [0, 4096] (0 keeps the input"
                        + " size), got " + size);
            }
        }
    }

    /** The backbone every variant shares. */
    public record ModelSection(int depth, int width, ModelConfig.Stem stem) {}

    /** Objective weights ({@link attndx.train.LossConfig}). */
    public record LossSection(double lambdaSparse, double lambdaSmooth, double lambdaConsistency,
            double labelSmoothing, double focalGamma, boolean classReweighting, double lambdaMining) {}

    /** Optimiser and stopping ({@link attndx.train.TrainConfig}). */
    public record TrainSection(int epochs, int batchSize, double learningRate, double weightDecay, int patience,
            double eceWeight, Precision precision) {}

    /** Learning-rate schedule ({@link attndx.train.LearningRateSchedule}). */
    public record ScheduleSection(attndx.train.LearningRateSchedule.Type type, int warmupSteps, int stepEvery,
            double gamma) {}

    /** Augmentation ({@link attndx.train.AugmentConfig}); {@code enabled: false} switches it off. */
    public record AugmentSection(boolean enabled, double rotationDegrees, double cropScaleMin, boolean horizontalFlip,
            double brightnessDelta, double contrastDelta, double stainSigma) {}

    /** Where temperature, operating point and shift threshold are fitted. */
    public record Calibration(String split, double falseFlagRate) {
        public Calibration {
            if (split == null || split.isBlank()) {
                throw new IllegalArgumentException("calibration.split must name a split (e.g. val)");
            }
            if (!(falseFlagRate > 0 && falseFlagRate < 1)) {
                throw new IllegalArgumentException("calibration.falseFlagRate must be in (0, 1), got "
                        + falseFlagRate);
            }
        }
    }

    /** Reported split and the figures' settings ({@link attndx.metrics.EvaluationConfig}). */
    public record Evaluation(String split, int bootstrap, double level, double targetSpecificity,
            double targetSensitivity, double decisionThreshold, int bins, List<Double> coverages,
            double abstentionCoverage) {}

    /** The one synthetic shift applied to each model's test split ({@link SyntheticShift}). */
    public record Shift(String kind, double strength, double level) {
        public Shift {
            kind();
            if (!(strength > 0 && strength <= 1)) {
                throw new IllegalArgumentException("shift.strength must be in (0, 1], got " + strength);
            }
            if (!(level > 0 && level < 0.5)) {
                throw new IllegalArgumentException("shift.level must be in (0, 0.5), got " + level);
            }
        }

        /** The shift kind. */
        public SyntheticShift shiftKind() {
            try {
                return SyntheticShift.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("shift.kind must be one of contrast, gamma, noise, got " + kind);
            }
        }
    }

    /** The explanation audit ({@link attndx.explain.AuditConfig}). */
    public record Audit(int limit, List<String> checks, List<String> attentionMethods, List<String> posthocMethods,
            int steps, double blur, double level, int tolerance, List<Double> topShares, List<Double> thresholds,
            int stabilityShift, int sanityImages, List<Double> shortcutWidths, double shortcutLevel,
            double shortcutMinEffect, int stage, int batchSize) {
        public Audit {
            if (limit < 1) {
                throw new IllegalArgumentException("audit.limit must be >= 1 image, got " + limit);
            }
            if (stabilityShift < 0 || stabilityShift > 64) {
                throw new IllegalArgumentException("audit.stabilityShift must be in [0, 64] pixels, got "
                        + stabilityShift);
            }
            if (attentionMethods == null || attentionMethods.isEmpty() || posthocMethods == null
                    || posthocMethods.isEmpty()) {
                throw new IllegalArgumentException("audit.attentionMethods and audit.posthocMethods must each name"
                        + " at least one method");
            }
        }
    }
}
