package attndx.explain.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The shortcut stress test (seed section 9.3). Each region of {@link ShortcutRegions} is filled with the image's
 * own background level, and so, separately, is a random interior patch of equal area. Reported per region:
 * the change of the target probability, of the AUC and of the positive-prediction rate (binary tasks), for the
 * region and for its reference, and the share of each explanation's mass inside the region against its
 * share of the area.
 *
 * <p>Criterion (documented, dataset-independent). With R regions, E explanations and so R (1 + E) one-sided
 * Wilcoxon signed-rank tests, each at level alpha / (R (1 + E)) (Bonferroni, family-wise level alpha):
 * <ul>
 *   <li>predictions: d_i = |dp_i(region)| - |dp_i(reference)| > 0, and the mean of d at least
 *       {@link ShortcutConfig#minEffect} (a change of the target probability that large, beyond what masking
 *       an equal interior area does, is not noise);
 *   <li>explanations: m_i - k a > 0 with m_i the map's mass share in the region, a its area share and k
 *       {@link ShortcutConfig#massRatio}.
 * </ul>
 * The model is flagged when any test rejects; the statistic is the z of the most significant rejection (or of
 * the most significant test when none rejects).
 */
public final class ShortcutTest {
    private ShortcutTest() {}

    /**
     * One region's figures.
     *
     * @param areaShare the region's share of the image
     * @param targetChange mean |change of the target probability| when the region is masked
     * @param referenceChange the same for the random interior patches
     * @param aucChange AUC masked - AUC clean (NaN unless binary with both classes)
     * @param referenceAucChange the same for the reference
     * @param rateChange change of the share predicted positive (NaN unless binary)
     * @param referenceRateChange the same for the reference
     * @param test the paired test of the prediction criterion
     * @param massShare per explanation, its mean mass share in the region
     * @param massTests per explanation, the test of the mass criterion
     */
    public record RegionResult(String region, double areaShare, double targetChange, double referenceChange,
            double aucChange, double referenceAucChange, double rateChange, double referenceRateChange,
            Test test, Map<String, Double> massShare, Map<String, Test> massTests) {}

    /** A one-sided test with its Bonferroni-adjusted p and whether it rejects. */
    public record Test(double z, double p, double adjustedP, double effect, boolean rejects) {}

    /**
     * The verdict written as audit.json's {@code shortcut}.
     *
     * @param flagged whether a criterion rejects
     * @param statistic the z of the decisive test
     * @param level the family-wise level
     * @param reason one sentence
     */
    public record Result(boolean flagged, double statistic, double level, String reason, String criterion,
            List<RegionResult> regions) {}

    /**
     * Runs the test.
     *
     * @param probabilities all class probabilities of normalised images
     * @param maps explanations of the clean images whose mass is checked (e.g. attention, gradcam)
     */
    public static Result run(ExplainData d, int[] targets, Function<float[][], float[][]> probabilities,
            Map<String, float[][]> maps, ShortcutConfig cfg, boolean binary, Runnable step) {
        int plane = d.height() * d.width();
        List<ShortcutRegions.Region> regions = ShortcutRegions.masks(d.height(), d.width(), cfg.widths());
        int tests = regions.size() * (1 + maps.size());
        float[][] cleanP = probabilities.apply(d.images());
        float[][] levels = new float[d.size()][];
        for (int i = 0; i < d.size(); i++) {
            levels[i] = ShortcutRegions.background(d.raw()[i], d.channels(), d.height(), d.width());
        }
        List<RegionResult> out = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            ShortcutRegions.Region region = regions.get(r);
            float[][] masked = new float[d.size()][];
            float[][] reference = new float[d.size()][];
            for (int i = 0; i < d.size(); i++) {
                masked[i] = d.normalise(ShortcutRegions.fill(d.raw()[i], region.pixels(), levels[i], plane));
                boolean[] ref = ShortcutRegions.interior(d.height(), d.width(), region.area(),
                        new SplittableRandom(cfg.seed() * 1_000_003L + r * 65_537L + i));
                reference[i] = d.normalise(ShortcutRegions.fill(d.raw()[i], ref, levels[i], plane));
            }
            out.add(region(d, targets, region, (double) region.area() / plane, cleanP, probabilities.apply(masked),
                    probabilities.apply(reference), maps, cfg, tests, binary));
            step.run();
        }
        return verdict(out, cfg);
    }

    private static RegionResult region(ExplainData d, int[] targets, ShortcutRegions.Region region, double area,
            float[][] clean, float[][] masked, float[][] reference, Map<String, float[][]> maps, ShortcutConfig cfg,
            int tests, boolean binary) {
        int n = d.size();
        double[] diff = new double[n];
        double mc = 0;
        double rc = 0;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(masked[i][targets[i]] - clean[i][targets[i]]);
            double b = Math.abs(reference[i][targets[i]] - clean[i][targets[i]]);
            diff[i] = a - b;
            mc += a / n;
            rc += b / n;
        }
        Test t = test(diff, mc - rc, cfg.minEffect(), cfg.level(), tests);
        Map<String, Double> shares = new LinkedHashMap<>();
        Map<String, Test> massTests = new LinkedHashMap<>();
        for (Map.Entry<String, float[][]> e : maps.entrySet()) {
            double[] excess = new double[n];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                double share = massShare(e.getValue()[i], region.pixels());
                excess[i] = share - cfg.massRatio() * area;
                mean += share / n;
            }
            shares.put(e.getKey(), mean);
            massTests.put(e.getKey(), test(excess, mean - cfg.massRatio() * area, 0, cfg.level(), tests));
        }
        double auc = binary ? auc(clean, d.labels()) : Double.NaN;
        double rate = binary ? rate(clean) : Double.NaN;
        return new RegionResult(region.name(), area, mc, rc, binary ? auc(masked, d.labels()) - auc : Double.NaN,
                binary ? auc(reference, d.labels()) - auc : Double.NaN, binary ? rate(masked) - rate : Double.NaN,
                binary ? rate(reference) - rate : Double.NaN, t, shares, massTests);
    }

    private static Test test(double[] d, double effect, double minEffect, double level, int tests) {
        RankStatistics.SignedRank s = RankStatistics.signedRank(d);
        double adjusted = Math.min(1, s.p() * tests);
        return new Test(s.z(), s.p(), adjusted, effect, adjusted < level && effect > 0 && effect >= minEffect);
    }

    private static double massShare(float[] map, boolean[] region) {
        double in = 0;
        double all = 0;
        for (int p = 0; p < map.length; p++) {
            all += map[p];
            in += region[p] ? map[p] : 0;
        }
        return all > 0 ? in / all : 0;
    }

    private static double auc(float[][] p, int[] labels) {
        double[] s = new double[p.length];
        boolean[] pos = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            s[i] = p[i][1];
            pos[i] = labels[i] == 1;
        }
        return RankStatistics.auc(s, pos);
    }

    private static double rate(float[][] p) {
        double r = 0;
        for (float[] row : p) {
            r += row[1] > row[0] ? 1.0 / p.length : 0;
        }
        return r;
    }

    /** A test without any non-zero difference (z NaN) is the weakest evidence. */
    private static double orNegInf(double z) {
        return Double.isNaN(z) ? Double.NEGATIVE_INFINITY : z;
    }

    private static Result verdict(List<RegionResult> regions, ShortcutConfig cfg) {
        String criterion = String.format(Locale.ROOT, "one-sided Wilcoxon signed-rank tests, Bonferroni over %d tests at"
                + " family-wise level %.3g: |target-probability change| of a masked border region beyond an equal-area"
                + " random interior patch (mean excess >= %.3g), or explanation mass share above %.3g x the region's"
                + " area share", regions.size() * (1 + (regions.isEmpty() ? 0 : regions.get(0).massTests().size())),
                cfg.level(), cfg.minEffect(), cfg.massRatio());
        String best = null;
        Test decisive = null;
        boolean rejected = false;
        for (RegionResult r : regions) {
            List<Map.Entry<String, Test>> all = new ArrayList<>();
            all.add(Map.entry("predictions", r.test()));
            all.addAll(r.massTests().entrySet());
            for (Map.Entry<String, Test> e : all) {
                Test t = e.getValue();
                boolean better = decisive == null || (t.rejects() && !rejected)
                        || (t.rejects() == rejected && orNegInf(t.z()) > orNegInf(decisive.z()));
                if (better) {
                    decisive = t;
                    rejected = t.rejects();
                    best = e.getKey().equals("predictions") ? "masking " + r.region() + " changes the target"
                            + String.format(Locale.ROOT, " probability by %.3f on average against %.3f for equal-area"
                            + " interior patches", r.targetChange(), r.referenceChange())
                            : "the " + e.getKey() + " map puts " + String.format(Locale.ROOT, "%.1f%%", 100
                            * r.massShare().get(e.getKey())) + " of its mass in " + r.region() + String.format(
                            Locale.ROOT, ", which covers %.1f%% of the image", 100 * r.areaShare());
                }
            }
        }
        if (decisive == null) {
            return new Result(false, Double.NaN, cfg.level(), "no region was tested", criterion, regions);
        }
        String reason = (rejected ? "Flagged: " : "Not flagged: the strongest evidence is that ") + best
                + String.format(Locale.ROOT, " (z = %.2f, adjusted p = %.3g, level %.3g).", decisive.z(),
                decisive.adjustedP(), cfg.level());
        return new Result(rejected, decisive.z(), cfg.level(), reason, criterion, regions);
    }
}
