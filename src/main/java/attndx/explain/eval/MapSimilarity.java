package attndx.explain.eval;

/**
 * How alike two saliency maps are, as the sanity checks of Adebayo et al. compare them (seed section 6.3):
 * Spearman's rank correlation of the absolute values and the structural similarity index (SSIM, Wang et
 * al. 2004) with a 7 x 7 uniform window, constants K1 = 0.01, K2 = 0.03 and data range 1 (maps lie in [0, 1]),
 * averaged over the windows that fit (the whole map when it is smaller than the window).
 */
public final class MapSimilarity {
    private static final int WINDOW = 7;
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;

    private MapSimilarity() {}

    /** Spearman correlation of |a| and |b| (NaN when one map is constant). */
    public static double spearmanAbs(float[] a, float[] b) {
        double[] x = new double[a.length];
        double[] y = new double[b.length];
        for (int i = 0; i < a.length; i++) {
            x[i] = Math.abs(a[i]);
            y[i] = Math.abs(b[i]);
        }
        return RankStatistics.spearman(x, y);
    }

    /** Mean SSIM of two H*W maps. */
    public static double ssim(float[] a, float[] b, int width) {
        int height = a.length / width;
        int wy = Math.min(WINDOW, height);
        int wx = Math.min(WINDOW, width);
        double sum = 0;
        int windows = 0;
        for (int y0 = 0; y0 + wy <= height; y0++) {
            for (int x0 = 0; x0 + wx <= width; x0++) {
                sum += window(a, b, width, y0, x0, wy, wx);
                windows++;
            }
        }
        return sum / windows;
    }

    private static double window(float[] a, float[] b, int width, int y0, int x0, int wy, int wx) {
        double ma = 0;
        double mb = 0;
        int n = wy * wx;
        for (int y = y0; y < y0 + wy; y++) {
            for (int x = x0; x < x0 + wx; x++) {
                ma += a[y * width + x];
                mb += b[y * width + x];
            }
        }
        ma /= n;
        mb /= n;
        double va = 0;
        double vb = 0;
        double cov = 0;
        for (int y = y0; y < y0 + wy; y++) {
            for (int x = x0; x < x0 + wx; x++) {
                double da = a[y * width + x] - ma;
                double db = b[y * width + x] - mb;
                va += da * da;
                vb += db * db;
                cov += da * db;
            }
        }
        // Sample (co)variances, as scikit-image's default.
        double d = Math.max(1, n - 1);
        va /= d;
        vb /= d;
        cov /= d;
        return (2 * ma * mb + C1) * (2 * cov + C2) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
    }
}
