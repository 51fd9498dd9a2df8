package attndx.calibrate;

import attndx.core.AttndxException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Temperature scaling (Guo et al. 2017; paper 5.6 and 7.7): one scalar {@code T > 0} chosen on
 * held-out validation logits to minimise the NLL of {@code softmax(l/T)}. Multi-label tasks share one
 * T across all labels and minimise the mean sigmoid binary cross-entropy.
 *
 * <p>Optimiser: Brent's method (commons-math3 {@link BrentOptimizer}, golden-section steps with
 * parabolic interpolation) on {@code u = log T} over {@code [-5, 5]}, i.e. {@code T} in
 * {@code [0.0067, 148]}. The NLL is convex in {@code 1/T}, hence unimodal in {@code log T}, so the
 * bracketed search finds the global minimum whenever it lies inside the interval. An optimum at the
 * edge of the interval, or one no better than an edge value (a flat NLL, e.g. perfectly separated
 * logits whose NLL underflows to 0, or constant logits), means there is no finite optimum and is
 * reported as non-convergence rather than returned.
 */
public final class TemperatureScaling {
    /** Search interval for {@code log T}. */
    public static final double LOG_T_BOUND = 5.0;
    private static final double EDGE = 1e-3;
    private static final double FLAT = 1e-12;
    private static final int MAX_EVALUATIONS = 200;

    private TemperatureScaling() {}

    /** Fits T on validation predictions; throws {@link AttndxException} when no interior optimum exists. */
    public static TemperatureFit fit(Predictions validation) {
        if (validation.size() == 0) {
            throw new AttndxException("temperature scaling needs validation predictions, found 0 images");
        }
        BrentOptimizer brent = new BrentOptimizer(1e-10, 1e-8);
        UnivariatePointValuePair best;
        try {
            best = brent.optimize(new MaxEval(MAX_EVALUATIONS), GoalType.MINIMIZE,
                    new SearchInterval(-LOG_T_BOUND, LOG_T_BOUND, 0.0),
                    new UnivariateObjectiveFunction(u -> NegativeLogLikelihood.of(validation, Math.exp(u))));
        } catch (TooManyEvaluationsException e) {
            throw new AttndxException("temperature scaling did not converge within " + MAX_EVALUATIONS
                    + " NLL evaluations on " + validation.size() + " validation images", e);
        }
        double u = best.getPoint();
        if (!interior(validation, u, best.getValue())) {
            throw new AttndxException(String.format(java.util.Locale.ROOT,
                    "temperature scaling did not converge: the validation NLL is still falling at T = %.4g "
                    + "(search bound log T = %+.0f); the %d validation logits are degenerate "
                    + "(e.g. perfectly separated or constant) and cannot calibrate a temperature",
                    Math.exp(u), Math.signum(u) * LOG_T_BOUND, validation.size()));
        }
        String objective = validation.sigmoid()
                ? "sigmoid binary cross-entropy, one T shared across labels"
                : "softmax cross-entropy";
        return new TemperatureFit(Math.exp(u), NegativeLogLikelihood.of(validation, 1.0), best.getValue(),
                brent.getIterations(), brent.getEvaluations(), validation.size(), objective);
    }

    /** Whether {@code u} is a strict interior minimum: away from the bounds and below both edge values. */
    private static boolean interior(Predictions p, double u, double value) {
        if (Math.abs(Math.abs(u) - LOG_T_BOUND) < EDGE || !Double.isFinite(value)) {
            return false;
        }
        double tolerance = FLAT * Math.max(1, Math.abs(value));
        return value < NegativeLogLikelihood.of(p, Math.exp(-LOG_T_BOUND)) - tolerance
                && value < NegativeLogLikelihood.of(p, Math.exp(LOG_T_BOUND)) - tolerance;
    }
}
