package attndx.report;

import attndx.core.AttndxException;
import attndx.data.Preprocessing;
import attndx.explain.AuditConfig;
import attndx.explain.MethodOptions;
import attndx.explain.Methods;
import attndx.explain.SanityConfig;
import attndx.explain.eval.FaithfulnessConfig;
import attndx.explain.eval.LocalisationConfig;
import attndx.explain.eval.ShortcutConfig;
import attndx.metrics.BootstrapConfig;
import attndx.metrics.EvaluationConfig;
import attndx.model.ModelConfig;
import attndx.model.ModelPresets;
import attndx.train.AugmentConfig;
import attndx.train.LearningRateSchedule;
import attndx.train.LossConfig;
import attndx.train.TrainConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Maps an {@link ExperimentConfig}'s sections onto the config records of the packages below, which validate them;
 * their messages are re-worded to name the experiment file's key ({@code section.key}).
 */
final class ExperimentSettings {
    /** Phrases of the audit records' messages and the experiment key they are about. */
    private static final Map<String, String> AUDIT_PHRASES = Map.of("deletion steps", "steps", "blur sigma", "blur",
            "pointing tolerance", "tolerance", "top shares", "topShares", "value thresholds", "thresholds",
            "shortcut widths", "shortcutWidths", "shortcut level", "shortcutLevel", "shortcut minEffect",
            "shortcutMinEffect", "sanity images", "sanityImages", "batch size", "batchSize");

    private ExperimentSettings() {}

    /** Builds every derived record once (for a one-channel, two-class task), so a bad value fails at load time. */
    static void validate(ExperimentConfig c) {
        section("preprocessing", ExperimentConfig.PreprocessingSection.class, () -> preprocessing(c));
        for (String name : c.variants()) {
            Variant v = Variant.of(name);
            ModelConfig m = section("model", ExperimentConfig.ModelSection.class, () -> model(c, v, 1, 2));
            train(c, v, c.seeds().get(0));
            AuditConfig a = audit(c, v, c.seeds().get(0));
            for (String method : a.methods()) {
                String refusal = Methods.refusal(method, m);
                if (refusal != null) {
                    throw new IllegalArgumentException("audit." + (v.attention() ? "attentionMethods" : "posthocMethods")
                            + ": " + refusal);
                }
            }
        }
        evaluation(c, c.seeds().get(0));
        if (c.calibration().split().equals(c.evaluation().split())) {
            throw new IllegalArgumentException("calibration.split must differ from evaluation.split: both are '"
                    + c.calibration().split() + "'");
        }
    }

    static Preprocessing preprocessing(ExperimentConfig c) {
        ExperimentConfig.PreprocessingSection p = c.preprocessing();
        return new Preprocessing(p.normalisation(), 0.5f, 0.5f, p.size(), p.size(), p.borderMask(), p.cornerMask());
    }

    static ModelConfig model(ExperimentConfig c, Variant v, int channels, int classes) {
        ExperimentConfig.ModelSection m = c.model();
        return ModelPresets.create(v.preset(), m.depth(), m.width(), m.stem(), channels, classes);
    }

    /** The variant's training config for {@code seed}: the consistency weight is 0 unless the variant has it. */
    static TrainConfig train(ExperimentConfig c, Variant v, long seed) {
        ExperimentConfig.LossSection l = c.loss();
        LossConfig loss = section("loss", ExperimentConfig.LossSection.class, () -> new LossConfig(l.lambdaSparse(),
                l.lambdaSmooth(), v.consistency() ? l.lambdaConsistency() : 0, 0, l.labelSmoothing(), l.focalGamma(),
                l.classReweighting(), l.lambdaMining()));
        ExperimentConfig.ScheduleSection s = c.schedule();
        LearningRateSchedule schedule = section("schedule", ExperimentConfig.ScheduleSection.class,
                () -> new LearningRateSchedule(s.type(), s.warmupSteps(), s.stepEvery(), s.gamma()));
        ExperimentConfig.AugmentSection a = c.augment();
        AugmentConfig augment = !a.enabled() ? null : section("augment", ExperimentConfig.AugmentSection.class,
                () -> new AugmentConfig(a.rotationDegrees(), a.cropScaleMin(), a.horizontalFlip(), a.brightnessDelta(),
                        a.contrastDelta(), a.stainSigma(), seed));
        ExperimentConfig.TrainSection t = c.train();
        return section("train", ExperimentConfig.TrainSection.class, () -> new TrainConfig(t.epochs(), t.batchSize(),
                t.learningRate(), t.weightDecay(), schedule, t.patience(), t.eceWeight(), seed, loss, augment, null,
                t.precision()));
    }

    static EvaluationConfig evaluation(ExperimentConfig c, long seed) {
        ExperimentConfig.Evaluation e = c.evaluation();
        return section("evaluation", ExperimentConfig.Evaluation.class, () -> new EvaluationConfig(
                new BootstrapConfig(e.bootstrap(), e.level(), seed), e.targetSpecificity(), e.targetSensitivity(),
                e.decisionThreshold(), e.bins(), e.coverages(), e.abstentionCoverage()));
    }

    /** The audit of one variant: its own maps for attention models, the post-hoc methods otherwise. */
    static AuditConfig audit(ExperimentConfig c, Variant v, long seed) {
        ExperimentConfig.Audit a = c.audit();
        return section("audit", ExperimentConfig.Audit.class, () -> {
            MethodOptions options = new MethodOptions(a.stage(), 4, 2, seed, a.batchSize());
            return new AuditConfig(methods(c, v), a.checks(), "predicted", a.limit(), options,
                    new FaithfulnessConfig(a.steps(), a.blur(), a.level(), a.batchSize()),
                    new LocalisationConfig(a.tolerance(), a.topShares(), a.thresholds()), a.stabilityShift(),
                    new SanityConfig(a.sanityImages(), 0.5, seed),
                    new ShortcutConfig(a.shortcutWidths(), a.shortcutLevel(), a.shortcutMinEffect(), 2.0, seed), 0);
        });
    }

    /** The methods audited on {@code v}; the first is the one the tables report. */
    static List<String> methods(ExperimentConfig c, Variant v) {
        return v.attention() ? c.audit().attentionMethods() : c.audit().posthocMethods();
    }

    /**
     * Runs {@code build}; its error is re-thrown naming the key: {@code section.key ...} when the message starts
     * with a key of the section (or a phrase of {@link #AUDIT_PHRASES}), else {@code section: ...}.
     */
    private static <T> T section(String section, Class<? extends Record> type, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | AttndxException e) {
            String m = e.getMessage().replace("model.baseWidth", "model.width");
            if (m.startsWith(section + ".")) {
                throw new IllegalArgumentException(m, e);
            }
            String first = m.split("[ .:]", 2)[0];
            boolean key = Arrays.stream(type.getRecordComponents()).anyMatch(rc -> rc.getName().equals(first));
            for (Map.Entry<String, String> p : AUDIT_PHRASES.entrySet()) {
                if (section.equals("audit") && m.startsWith(p.getKey())) {
                    throw new IllegalArgumentException("audit." + p.getValue() + m.substring(p.getKey().length()), e);
                }
            }
            throw new IllegalArgumentException(section + (key ? "." : ": ") + m, e);
        }
    }
}
