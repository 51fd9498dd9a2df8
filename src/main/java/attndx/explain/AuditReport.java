package attndx.explain;

import attndx.core.Provenance;
import attndx.explain.eval.Faithfulness;
import attndx.explain.eval.LocalisationCheck;
import attndx.explain.eval.ShortcutTest;
import attndx.explain.eval.Stability;
import attndx.explain.eval.Summary;
import java.util.List;
import java.util.Map;

/**
 * What {@code audit.json} holds: every figure with its settings and provenance. A check that did not run is null.
 *
 * @param images images audited
 * @param methods the methods, the random reference last
 * @param faithfulness per method, deletion and insertion against random (seed 6.1)
 * @param localisation pointing game, IoU, Dice, energy on the annotated images (seed 6.2)
 * @param stability per method, S and rank correlation per perturbation kind (seed 9.2)
 * @param sanity per method (with the edge reference), the randomisation checks (seed 6.3)
 * @param shortcut the stress test's verdict: flagged, statistic, level, reason, and each region (seed 9.3)
 * @param distributions per per-image score, its distribution (seed 7.6)
 */
public record AuditReport(Provenance provenance, AuditConfig config, int images, List<String> methods,
        List<String> warnings, Map<String, Faithfulness.Result> faithfulness, Localisation localisation,
        Map<String, Stability.Result> stability, Map<String, SanityChecks.Result> sanity,
        ShortcutTest.Result shortcut, Map<String, Summary> distributions) {

    /**
     * The localisation section.
     *
     * @param annotated images with a mask or boxes
     * @param skipped images without (counted, not scored)
     * @param reason why nothing was scored, or null
     */
    public record Localisation(int annotated, int skipped, String reason, Map<String, LocalisationCheck.Result> methods) {}
}
