package attndx.explain;

import attndx.core.AttndxException;
import attndx.explain.eval.RunnerScorer;
import attndx.model.DiagnosisModel;
import attndx.model.ModelConfig;
import attndx.kernels.ModelRunner;
import java.util.ArrayList;
import java.util.List;

/**
 * The explanation methods by name, and which apply to which model. A method that does not apply (CAM on a
 * model that pools with attention, attention on a GAP/SE/CBAM model, a scale without an attention head) is
 * refused with the reason, never replaced by another.
 */
public final class Methods {
    public static final String ATTENTION = "attention";
    public static final String CAM = "cam";
    public static final String GRADCAM = "gradcam";
    public static final String GRADCAM_PP = "gradcam++";
    public static final String GRADIENT = "gradient";
    public static final String OCCLUSION = "occlusion";
    public static final String RANDOM = "random";
    public static final String EDGE = "edge";
    public static final String CENTRE = "centre";
    /** Every name, the per-scale attention maps written as {@code attention-s1} .. {@code attention-s4}. */
    public static final List<String> NAMES = List.of(ATTENTION, "attention-s1", "attention-s2", "attention-s3",
            "attention-s4", CAM, GRADCAM, GRADCAM_PP, GRADIENT, OCCLUSION, RANDOM, EDGE, CENTRE);

    private Methods() {}

    /**
     * Why {@code name} cannot explain a model of {@code config}, or null when it can.
     *
     * @throws AttndxException for an unknown name (the message lists the known ones)
     */
    public static String refusal(String name, ModelConfig config) {
        requireKnown(name);
        if (name.startsWith(ATTENTION)) {
            if (!config.hasAttention()) {
                return name + ": the model (preset " + config.preset() + ") pools globally and has no spatial attention"
                        + " map; use gradcam or cam";
            }
            if (!name.equals(ATTENTION)) {
                int stage = Integer.parseInt(name.substring(name.length() - 1));
                if (!config.attentionStages().contains(stage)) {
                    return name + ": the model has attention heads on stages " + config.attentionStages() + " only";
                }
            }
        }
        if (name.equals(CAM) && config.hasAttention()) {
            return "cam: needs a model that pools its last stage globally (gap, se, cbam); this one (preset "
                    + config.preset() + ") pools with attention, use gradcam";
        }
        return null;
    }

    /** @throws AttndxException for an unknown name (the message lists the known ones) */
    public static void requireKnown(String name) {
        if (!NAMES.contains(name)) {
            throw new AttndxException("unknown explanation method '" + name + "'; known: " + String.join(", ", NAMES));
        }
    }

    /** Checks every name against the model; the refusals, each with its reason, as one error. */
    public static void requireApplicable(List<String> names, ModelConfig config) {
        List<String> refused = new ArrayList<>();
        for (String n : names) {
            String r = refusal(n, config);
            if (r != null) {
                refused.add(r);
            }
        }
        if (!refused.isEmpty()) {
            throw new AttndxException("method(s) not applicable to this model: " + String.join("; ", refused));
        }
    }

    /**
     * The method {@code name} over {@code model} (which must outlive it); the runner scores occlusion.
     *
     * @throws AttndxException when the name is unknown or the method does not apply (with the reason)
     */
    public static ExplanationMethod create(String name, DiagnosisModel model, ModelRunner runner, MethodOptions o) {
        String refused = refusal(name, model.config());
        if (refused != null) {
            throw new AttndxException(refused);
        }
        return switch (name) {
            case ATTENTION -> new AttentionMethod(model, 0, o.batchSize());
            case CAM -> new CamMethod(model, o.batchSize());
            case GRADCAM -> new StageGradCam(model, o.stage(), false, o.batchSize());
            case GRADCAM_PP -> new StageGradCam(model, o.stage(), true, o.batchSize());
            case GRADIENT -> new GradientMethod(model, o.batchSize());
            case OCCLUSION -> new OcclusionMethod((x, ch, h, w, t) -> new RunnerScorer(runner, ch, h, w).score(x, t),
                    o.occlusionPatch(),
                    o.occlusionStride(), o.batchSize());
            case RANDOM -> ReferenceMaps.random(o.seed());
            case EDGE -> ReferenceMaps.edges();
            case CENTRE -> ReferenceMaps.centre();
            default -> new AttentionMethod(model, Integer.parseInt(name.substring(name.length() - 1)), o.batchSize());
        };
    }
}
