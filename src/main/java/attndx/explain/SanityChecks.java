package attndx.explain;

import attndx.explain.eval.MapSimilarity;
import attndx.model.DiagnosisModel;
import attndx.kernels.ModelRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sanity checks of Adebayo et al. (seed section 6.3): an explanation that depends on what the model learned
 * must change when the weights are randomised. (a) Cascading randomisation, from the head down to the stem one
 * group at a time ({@link WeightRandomiser#GROUPS}), and independent randomisation of each group alone;
 * (b) label randomisation: a model of the same config trained on shuffled labels. At each step, per image,
 * Spearman's correlation of the absolute maps and SSIM between the original and the randomised map.
 *
 * <p>Criterion: a method fails when the mean Spearman correlation is at least {@link SanityConfig#threshold}
 * after the whole cascade (every learned weight re-drawn) or under label randomisation; {@code failsFrom} names
 * the first cascade step from which every later step stays that similar.
 */
public final class SanityChecks {
    private SanityChecks() {}

    /** Mean similarity at one step. */
    public record Step(String step, double spearman, double ssim, boolean similar) {}

    /**
     * One method's figures.
     *
     * @param failsFrom the first cascade step from which the maps stay similar to the end, or null
     */
    public record Result(List<Step> cascading, List<Step> independent, Step labels, boolean failed, String failsFrom) {}

    /**
     * Runs the checks.
     *
     * @param fresh loads a new copy of the audited model (each step randomises its own copy)
     * @param randomLabels a model trained on shuffled labels, or null to skip (b)
     * @param original each method's maps on {@code images} from the audited model
     */
    public static Map<String, Result> run(Supplier<DiagnosisModel> fresh, DiagnosisModel randomLabels,
            List<String> methods, MethodOptions options, float[][] images, int channels, int height, int width,
            int[] targets, Map<String, float[][]> original, SanityConfig cfg, Runnable step) {
        Map<String, List<Step>> cascading = new LinkedHashMap<>();
        Map<String, List<Step>> independent = new LinkedHashMap<>();
        methods.forEach(m -> {
            cascading.put(m, new ArrayList<>());
            independent.put(m, new ArrayList<>());
        });
        List<String> groups = WeightRandomiser.GROUPS;
        for (int k = 0; k < groups.size(); k++) {
            try (DiagnosisModel copy = fresh.get()) {
                WeightRandomiser.randomise(copy, groups.subList(0, k + 1), cfg.seed());
                compare(copy, "cascade:" + groups.get(k), methods, options, images, channels, height, width, targets,
                        original, cfg, cascading);
            }
            try (DiagnosisModel copy = fresh.get()) {
                WeightRandomiser.randomise(copy, List.of(groups.get(k)), cfg.seed());
                compare(copy, "only:" + groups.get(k), methods, options, images, channels, height, width, targets,
                        original, cfg, independent);
            }
            step.run();
        }
        Map<String, List<Step>> labels = new LinkedHashMap<>();
        methods.forEach(m -> labels.put(m, new ArrayList<>()));
        if (randomLabels != null) {
            compare(randomLabels, "labels", methods, options, images, channels, height, width, targets, original, cfg,
                    labels);
        }
        Map<String, Result> out = new LinkedHashMap<>();
        for (String m : methods) {
            List<Step> c = cascading.get(m);
            Step l = labels.get(m).isEmpty() ? null : labels.get(m).get(0);
            boolean failed = c.get(c.size() - 1).similar() || (l != null && l.similar());
            String from = null;
            for (int k = c.size() - 1; k >= 0 && c.get(k).similar(); k--) {
                from = c.get(k).step();
            }
            out.put(m, new Result(c, independent.get(m), l, failed, from));
        }
        return out;
    }

    private static void compare(DiagnosisModel model, String step, List<String> methods, MethodOptions options,
            float[][] images, int channels, int height, int width, int[] targets, Map<String, float[][]> original,
            SanityConfig cfg, Map<String, List<Step>> into) {
        try (ModelRunner runner = new ModelRunner(model, options.batchSize())) {
            for (String m : methods) {
                float[][] maps;
                try (ExplanationMethod method = Methods.create(m, model, runner, options)) {
                    maps = method.explain(images, channels, height, width, targets);
                }
                float[][] ref = original.get(m);
                double rho = 0;
                double ssim = 0;
                int counted = 0;
                for (int i = 0; i < images.length; i++) {
                    double r = MapSimilarity.spearmanAbs(ref[i], maps[i]);
                    // A constant map has no ranks; it is as unlike a structured map as can be.
                    rho += Double.isNaN(r) ? 0 : r;
                    ssim += MapSimilarity.ssim(ref[i], maps[i], width);
                    counted++;
                }
                rho /= counted;
                ssim /= counted;
                into.get(m).add(new Step(step, rho, ssim, rho >= cfg.threshold()));
            }
        }
    }
}
