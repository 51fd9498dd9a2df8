package attndx.calibrate;

/**
 * A fitted temperature (paper 5.6, 7.7).
 *
 * @param temperature the fitted {@code T > 0}; probabilities are {@code softmax(l/T)} or {@code sigmoid(l/T)}
 * @param nllBefore validation NLL at {@code T = 1}
 * @param nllAfter validation NLL at the fitted T
 * @param iterations Brent iterations used
 * @param evaluations objective evaluations used
 * @param validationSize number of validation images the temperature was fitted on
 * @param objective which likelihood was minimised ("softmax cross-entropy" or "sigmoid BCE, T shared across labels")
 */
public record TemperatureFit(double temperature, double nllBefore, double nllAfter, int iterations,
        int evaluations, int validationSize, String objective) {

    public TemperatureFit {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, found " + temperature);
        }
    }
}
