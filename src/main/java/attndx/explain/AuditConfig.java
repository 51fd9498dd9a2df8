package attndx.explain;

import attndx.core.AttndxException;
import attndx.explain.eval.FaithfulnessConfig;
import attndx.explain.eval.LocalisationConfig;
import attndx.explain.eval.ShortcutConfig;
import java.util.List;

/**
 * Everything an audit runs: methods, checks and each check's settings.
 *
 * @param methods explanation methods ({@link Methods#NAMES}; the random reference is always added)
 * @param checks checks to run, from {@link #CHECKS}
 * @param target "predicted" or "label": the class each map explains
 * @param limit images of the split audited (the first), at least 1
 * @param stabilityTranslation largest shift of the stability check in pixels, or 0 for one attention cell
 *     (the model's attention stride; 1 pixel without attention)
 * @param sanityEpochs epochs of the shuffled-label model trained for the label randomisation check, 0 for none
 */
public record AuditConfig(List<String> methods, List<String> checks, String target, int limit, MethodOptions options,
        FaithfulnessConfig faithfulness, LocalisationConfig localisation, int stabilityTranslation,
        SanityConfig sanity, ShortcutConfig shortcut, int sanityEpochs) {
    public static final String FAITHFULNESS = "faithfulness";
    public static final String LOCALISATION = "localisation";
    public static final String STABILITY = "stability";
    public static final String SANITY = "sanity";
    public static final String SHORTCUT = "shortcut";
    /** The checks, in the order they run. */
    public static final List<String> CHECKS = List.of(FAITHFULNESS, LOCALISATION, STABILITY, SANITY, SHORTCUT);

    public AuditConfig {
        methods = List.copyOf(methods);
        checks = List.copyOf(checks);
        if (methods.isEmpty()) {
            throw new AttndxException("--methods must name at least one of " + Methods.NAMES);
        }
        for (String m : methods) {
            Methods.requireKnown(m);
        }
        for (String c : checks) {
            if (!CHECKS.contains(c)) {
                throw new AttndxException("unknown check '" + c + "'; known: " + String.join(", ", CHECKS));
            }
        }
        if (limit < 1) {
            throw new AttndxException("--limit must be >= 1 image, got " + limit);
        }
        if (stabilityTranslation < 0 || stabilityTranslation > 64) {
            throw new AttndxException("--stability-shift must be in [0, 64] pixels, got " + stabilityTranslation);
        }
        if (sanityEpochs < 0 || sanityEpochs > 1000) {
            throw new AttndxException("--sanity-labels epochs must be in [0, 1000], got " + sanityEpochs);
        }
        ExplainRun.target(target);
    }

    /** Whether {@code check} runs. */
    public boolean runs(String check) {
        return checks.contains(check);
    }
}
