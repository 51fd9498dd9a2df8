package attndx.calibrate;

/**
 * One confidence bin of a reliability diagram (paper A.1).
 *
 * @param lower lowest confidence the bin admits
 * @param upper highest confidence the bin admits
 * @param count predictions in the bin
 * @param meanConfidence mean top-label confidence in the bin (NaN when empty)
 * @param accuracy fraction of the bin's top-label predictions that are correct (NaN when empty)
 */
public record ReliabilityBin(double lower, double upper, int count, double meanConfidence, double accuracy) {
}
