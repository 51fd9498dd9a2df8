package attndx.calibrate;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Two-sample Kolmogorov-Smirnov comparison of a cohort's shift scores with the validation scores.
 *
 * @param statistic D, the largest gap between the two empirical CDFs
 * @param pValue probability of a gap at least D when both samples share one distribution
 * @param referenceSize validation scores compared
 * @param cohortSize cohort scores compared
 */
public record KsResult(double statistic, double pValue, int referenceSize, int cohortSize) {

    /**
     * Compares {@code cohort} with {@code reference} using commons-math3: the exact distribution of D
     * when {@code n m < 10000} (ties are broken by a seeded jitter inside commons-math3, so results are reproducible),
     * otherwise the asymptotic Kolmogorov distribution.
     */
    public static KsResult compare(double[] reference, double[] cohort) {
        if (reference.length < 2 || cohort.length < 2) {
            throw new IllegalArgumentException("the KS test needs at least 2 scores per sample, found "
                    + reference.length + " reference and " + cohort.length + " cohort scores");
        }
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        return new KsResult(ks.kolmogorovSmirnovStatistic(reference, cohort),
                ks.kolmogorovSmirnovTest(reference, cohort), reference.length, cohort.length);
    }
}
