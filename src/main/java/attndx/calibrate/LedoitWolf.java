package attndx.calibrate;

/**
 * Ledoit-Wolf shrinkage covariance (Ledoit and Wolf 2004, "A well-conditioned estimator for
 * large-dimensional covariance matrices"): {@code (1 - delta) S + delta m I} with
 * {@code m = tr(S)/d} and the data-driven intensity {@code delta = min(b2, d2) / d2}, where
 * {@code d2 = ||S - m I||_F^2} and {@code b2 = (1/n^2) sum_i ||z_i z_i^T - S||_F^2}. It stays
 * invertible when features outnumber images, which the plain sample covariance does not.
 *
 * @param covariance the shrunk {@code d x d} covariance
 * @param shrinkage the intensity delta in {@code [0, 1]}
 */
public record LedoitWolf(double[][] covariance, double shrinkage) {

    /** Estimates from already centred rows {@code z} ({@code n x d}, {@code n >= 1}). */
    public static LedoitWolf fit(double[][] z) {
        int n = z.length;
        int d = z[0].length;
        double[][] s = new double[d][d];
        for (double[] row : z) {
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    s[a][b] += row[a] * row[b] / n;
                }
            }
        }
        double trace = 0;
        double frob = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                s[b][a] = s[a][b];
                frob += (a == b ? 1 : 2) * s[a][b] * s[a][b];
            }
            trace += s[a][a];
        }
        double m = trace / d;
        double d2 = frob - 2 * m * trace + m * m * d;
        double b2 = 0;
        for (double[] row : z) {
            double norm2 = 0;
            double quad = 0;
            for (int a = 0; a < d; a++) {
                norm2 += row[a] * row[a];
                double sa = 0;
                for (int b = 0; b < d; b++) {
                    sa += s[a][b] * row[b];
                }
                quad += row[a] * sa;
            }
            b2 += (norm2 * norm2 - 2 * quad + frob) / ((double) n * n);
        }
        double delta = d2 <= 0 ? 1 : Math.min(b2, d2) / d2;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                s[a][b] = (1 - delta) * s[a][b] + (a == b ? delta * m : 0);
            }
        }
        return new LedoitWolf(s, delta);
    }
}
