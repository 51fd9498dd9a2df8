package attndx.explain.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Faithfulness by deletion and insertion (seed sections 4.2 and 6.1), every method read against the random
 * map on the same images: per image the normalised area under each curve ({@link DeletionInsertion}), and
 * per method the paired one-sided Wilcoxon signed-rank test of its areas against the random map's (deletion:
 * lower is better; insertion: higher). A method beats random on a curve when the test rejects at the stated
 * level and the mean area is on the right side; it beats random overall when it does on both curves.
 */
public final class Faithfulness {
    private Faithfulness() {}

    /** One curve's figures for one method. */
    public record CurveResult(Summary area, double[] meanCurve, Comparison vsRandom) {}

    /**
     * A paired comparison with the random map.
     *
     * @param meanImprovement mean over images of (random - method) for deletion, (method - random) for insertion
     * @param z signed-rank statistic
     * @param p one-sided p-value
     * @param rankBiserial effect size
     * @param beats whether p is below the level and the mean improvement positive
     */
    public record Comparison(double meanImprovement, double z, double p, double rankBiserial, boolean beats) {}

    /** Both curves for one method. */
    public record Result(CurveResult deletion, CurveResult insertion, boolean beatsRandom) {}

    /**
     * Runs both curves for every map set (which must include {@code random}) and adds the per-image areas to
     * {@code scores} as {@code <method>.deletion} and {@code <method>.insertion}.
     */
    public static Map<String, Result> run(TargetScorer scorer, ExplainData d, int[] targets, float[] clean,
            Map<String, float[][]> maps, float[][] random, FaithfulnessConfig cfg, PerImageScores scores,
            Runnable step) {
        float[][] baselines = cfg.blurSigma() > 0
                ? Baselines.blur(d.images(), d.channels(), d.height(), d.width(), cfg.blurSigma()) : null;
        CurveConfig del = new CurveConfig(CurveConfig.Kind.DELETION, cfg.steps(), 0f, cfg.evalBatch());
        CurveConfig ins = new CurveConfig(CurveConfig.Kind.INSERTION, cfg.steps(), 0f, cfg.evalBatch());
        Curves rd = DeletionInsertion.compute(scorer, d.images(), d.channels(), d.height(), d.width(), random, targets,
                clean, baselines, del);
        Curves ri = DeletionInsertion.compute(scorer, d.images(), d.channels(), d.height(), d.width(), random, targets,
                null, baselines, ins);
        step.run();
        Map<String, Result> out = new LinkedHashMap<>();
        for (Map.Entry<String, float[][]> e : maps.entrySet()) {
            boolean isRandom = e.getValue() == random;
            Curves cd = isRandom ? rd : DeletionInsertion.compute(scorer, d.images(), d.channels(), d.height(),
                    d.width(), e.getValue(), targets, clean, baselines, del);
            Curves ci = isRandom ? ri : DeletionInsertion.compute(scorer, d.images(), d.channels(), d.height(),
                    d.width(), e.getValue(), targets, null, baselines, ins);
            CurveResult cdr = result(cd, rd, false, d.ids(), cfg.level());
            CurveResult cir = result(ci, ri, true, d.ids(), cfg.level());
            scores.put(e.getKey() + ".deletion", cd.areas());
            scores.put(e.getKey() + ".insertion", ci.areas());
            out.put(e.getKey(), new Result(cdr, cir, cdr.vsRandom().beats() && cir.vsRandom().beats()));
            if (!isRandom) {
                step.run();
            }
        }
        return out;
    }

    private static CurveResult result(Curves method, Curves random, boolean higherIsBetter, String[] ids,
            double level) {
        int n = method.areas().length;
        double[] diff = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            diff[i] = higherIsBetter ? method.areas()[i] - random.areas()[i] : random.areas()[i] - method.areas()[i];
            mean += diff[i] / n;
        }
        RankStatistics.SignedRank t = RankStatistics.signedRank(diff);
        Comparison c = new Comparison(mean, t.z(), t.p(), t.rankBiserial(), t.p() < level && mean > 0);
        return new CurveResult(Summary.of(method.areas(), ids, higherIsBetter), meanCurve(method.curves()), c);
    }

    private static double[] meanCurve(float[][] curves) {
        double[] m = new double[curves.length == 0 ? 0 : curves[0].length];
        for (float[] c : curves) {
            for (int k = 0; k < m.length; k++) {
                m[k] += c[k] / (double) curves.length;
            }
        }
        return m;
    }
}
