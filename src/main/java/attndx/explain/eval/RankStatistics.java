package attndx.explain.eval;

import java.util.Arrays;

/**
 * The rank statistics the checks rest on, on plain arrays: average ranks with ties, Spearman's rank
 * correlation, the Wilcoxon signed-rank test (normal approximation with tie and zero corrections, Pratt's
 * handling of zeros dropped: zero differences are discarded, as Wilcoxon's original) and the ROC AUC as the
 * Mann-Whitney statistic. Undefined results are NaN.
 */
public final class RankStatistics {
    private RankStatistics() {}

    /** 1-based ranks, tied values sharing their mean rank. */
    public static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = mean;
            }
            i = j + 1;
        }
        return r;
    }

    /** Spearman's rho: the Pearson correlation of the ranks; NaN when either side is constant. */
    public static double spearman(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("spearman needs equal lengths, got " + a.length + " and " + b.length);
        }
        return pearson(ranks(a), ranks(b));
    }

    /** Pearson's correlation; NaN with fewer than two values or a constant side. */
    public static double pearson(double[] a, double[] b) {
        int n = a.length;
        if (n < 2) {
            return Double.NaN;
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /**
     * One-sided Wilcoxon signed-rank test of H1 "the differences tend to be positive".
     *
     * @param d paired differences (NaN entries are left out)
     */
    public static SignedRank signedRank(double[] d) {
        double[] nz = Arrays.stream(d).filter(x -> !Double.isNaN(x) && x != 0).toArray();
        int n = nz.length;
        if (n == 0) {
            return new SignedRank(0, Double.NaN, 1.0, Double.NaN);
        }
        double[] abs = Arrays.stream(nz).map(Math::abs).toArray();
        double[] r = ranks(abs);
        double plus = 0;
        for (int i = 0; i < n; i++) {
            plus += nz[i] > 0 ? r[i] : 0;
        }
        double total = n * (n + 1) / 2.0;
        double mean = total / 2;
        double var = n * (n + 1) * (2.0 * n + 1) / 24 - tieCorrection(abs) / 48;
        double z = var > 0 ? (plus - mean - 0.5 * Math.signum(plus - mean)) / Math.sqrt(var) : 0;
        double p = 1 - normalCdf(z);
        double rankBiserial = (plus - (total - plus)) / total;
        return new SignedRank(n, z, p, rankBiserial);
    }

    /**
     * A signed-rank test's result.
     *
     * @param n non-zero differences used
     * @param z the normal-approximation statistic (continuity-corrected)
     * @param p one-sided p-value for positive differences
     * @param rankBiserial matched-pairs rank-biserial correlation in [-1, 1] (effect size)
     */
    public record SignedRank(int n, double z, double p, double rankBiserial) {}

    private static double tieCorrection(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double c = 0;
        for (int i = 0; i < s.length;) {
            int j = i;
            while (j + 1 < s.length && s[j + 1] == s[i]) {
                j++;
            }
            double t = j - i + 1;
            c += t * t * t - t;
            i = j + 1;
        }
        return c;
    }

    /** Standard normal CDF (Abramowitz and Stegun 7.1.26 via erf, absolute error below 1.5e-7). */
    public static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                + 0.254829592) * t * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /** ROC AUC of {@code scores} for {@code positive} labels (Mann-Whitney, ties half); NaN with one class. */
    public static double auc(double[] scores, boolean[] positive) {
        double[] r = ranks(scores);
        double sum = 0;
        long pos = 0;
        for (int i = 0; i < r.length; i++) {
            if (positive[i]) {
                sum += r[i];
                pos++;
            }
        }
        long neg = r.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (sum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
