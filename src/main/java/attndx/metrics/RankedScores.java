package attndx.metrics;

import attndx.core.AttndxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores of one binary problem sorted once, with their tie groups, so that ROC AUC and operating
 * points for any case weighting (a bootstrap resample gives each image an integer multiplicity)
 * take one O(n) pass and no further sorting (paper 7.4, 7.6).
 *
 * <p>AUC is the Mann-Whitney statistic {@code P(s+ > s-) + 0.5 P(s+ = s-)}: scanning tie groups
 * upwards, each group adds {@code w+ * (negative weight below) + 0.5 * w+ * w-}. It is NaN when the
 * weighted positives or negatives are zero (AUC undefined for a single class).
 *
 * <p>Operating points call a case positive when its score is {@code >= threshold}; candidate
 * thresholds are the distinct scores plus {@code +Infinity}. {@link #sensitivityAtSpecificity}
 * returns, among thresholds with specificity {@code >= target}, the one with the highest
 * sensitivity (the lowest such threshold); {@link #specificityAtSensitivity} returns, among
 * thresholds with sensitivity {@code >= target}, the one with the highest specificity (the highest such threshold).
 */
public final class RankedScores {
    private static final double TOLERANCE = 1e-12;
    private final double[] sorted;
    private final boolean[] positive;
    private final int[] item;
    private final int[] groupEnd;

    private RankedScores(double[] sorted, boolean[] positive, int[] item, int[] groupEnd) {
        this.sorted = sorted;
        this.positive = positive;
        this.item = item;
        this.groupEnd = groupEnd;
    }

    /** Ranks {@code scores[i]} with truth {@code positive[i]}; weights are indexed by i. */
    public static RankedScores of(double[] scores, boolean[] positive) {
        int[] identity = new int[scores.length];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return of(scores, positive, identity);
    }

    /**
     * Ranks entries whose weight is {@code weights[item[e]]} (micro-averaging maps each image-class
     * entry to its image).
     */
    public static RankedScores of(double[] scores, boolean[] positive, int[] item) {
        if (scores.length != positive.length || scores.length != item.length) {
            throw new AttndxException("scores has " + scores.length + " entries but labels has " + positive.length
                    + (item.length != scores.length ? " and items " + item.length : ""));
        }
        for (int e = 0; e < scores.length; e++) {
            if (Double.isNaN(scores[e])) {
                throw new AttndxException("scores[" + e + "] is NaN; every prediction must be a number");
            }
        }
        int[] order = SortOrder.ascending(scores);
        double[] s = new double[order.length];
        boolean[] y = new boolean[order.length];
        int[] it = new int[order.length];
        List<Integer> ends = new ArrayList<>();
        for (int r = 0; r < order.length; r++) {
            s[r] = scores[order[r]];
            y[r] = positive[order[r]];
            it[r] = item[order[r]];
            if (r > 0 && s[r] != s[r - 1]) {
                ends.add(r);
            }
        }
        if (order.length > 0) {
            ends.add(order.length);
        }
        return new RankedScores(s, y, it, ends.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Number of ranked entries. */
    public int size() {
        return sorted.length;
    }

    /** Unweighted AUC. */
    public double auc() {
        return auc(null);
    }

    /** AUC with entry e weighted by {@code weights[item[e]]} (null: all ones); NaN when single-class. */
    public double auc(int[] weights) {
        double negBelow = 0;
        double pos = 0;
        double area = 0;
        int start = 0;
        for (int end : groupEnd) {
            double wp = 0;
            double wn = 0;
            for (int r = start; r < end; r++) {
                int w = weights == null ? 1 : weights[item[r]];
                if (positive[r]) {
                    wp += w;
                } else {
                    wn += w;
                }
            }
            area += wp * negBelow + 0.5 * wp * wn;
            negBelow += wn;
            pos += wp;
            start = end;
        }
        return pos == 0 || negBelow == 0 ? Double.NaN : area / (pos * negBelow);
    }

    /** Highest-sensitivity threshold whose specificity is {@code >= target}; null when single-class. */
    public OperatingPoint sensitivityAtSpecificity(double target, int[] weights) {
        return scan(weights, target, true);
    }

    /** Highest-specificity threshold whose sensitivity is {@code >= target}; null when single-class. */
    public OperatingPoint specificityAtSensitivity(double target, int[] weights) {
        return scan(weights, target, false);
    }

    /** Weighted confusion counts when scores {@code >= threshold} are called positive. */
    public Confusion confusion(double threshold, int[] weights) {
        double tp = 0;
        double fp = 0;
        double tn = 0;
        double fn = 0;
        for (int r = 0; r < sorted.length; r++) {
            int w = weights == null ? 1 : weights[item[r]];
            boolean called = sorted[r] >= threshold;
            if (positive[r]) {
                tp += called ? w : 0;
                fn += called ? 0 : w;
            } else {
                fp += called ? w : 0;
                tn += called ? 0 : w;
            }
        }
        return new Confusion(tp, fp, tn, fn);
    }

    /** ROC curve points {@code {fpr, tpr}} from the strictest threshold down, starting at (0, 0). */
    public List<double[]> rocCurve() {
        double[] totals = totals(null);
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        double tp = 0;
        double fp = 0;
        for (int g = groupEnd.length - 1; g >= 0; g--) {
            int from = g == 0 ? 0 : groupEnd[g - 1];
            for (int r = from; r < groupEnd[g]; r++) {
                tp += positive[r] ? 1 : 0;
                fp += positive[r] ? 0 : 1;
            }
            points.add(new double[] {fp / totals[1], tp / totals[0]});
        }
        return points;
    }

    private OperatingPoint scan(int[] weights, double target, boolean fixSpecificity) {
        double[] totals = totals(weights);
        if (totals[0] == 0 || totals[1] == 0) {
            return null;
        }
        double tp = 0;
        double fp = 0;
        OperatingPoint best = fixSpecificity ? new OperatingPoint(Double.POSITIVE_INFINITY, 0, 1) : null;
        if (!fixSpecificity && target <= TOLERANCE) {
            return new OperatingPoint(Double.POSITIVE_INFINITY, 0, 1);
        }
        for (int g = groupEnd.length - 1; g >= 0; g--) {
            int from = g == 0 ? 0 : groupEnd[g - 1];
            for (int r = from; r < groupEnd[g]; r++) {
                int w = weights == null ? 1 : weights[item[r]];
                tp += positive[r] ? w : 0;
                fp += positive[r] ? 0 : w;
            }
            OperatingPoint here = new OperatingPoint(sorted[from], tp / totals[0], 1 - fp / totals[1]);
            if (fixSpecificity) {
                if (here.specificity() < target - TOLERANCE) {
                    return best;
                }
                best = here;
            } else if (here.sensitivity() >= target - TOLERANCE) {
                return here;
            }
        }
        return best;
    }

    /** {weighted positives, weighted negatives}. */
    private double[] totals(int[] weights) {
        double p = 0;
        double n = 0;
        for (int r = 0; r < sorted.length; r++) {
            int w = weights == null ? 1 : weights[item[r]];
            p += positive[r] ? w : 0;
            n += positive[r] ? 0 : w;
        }
        return new double[] {p, n};
    }
}
