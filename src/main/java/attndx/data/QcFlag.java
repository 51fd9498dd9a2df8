package attndx.data;

/**
 * One failed quality check.
 *
 * @param check the check's name: under-exposed, over-exposed, low-contrast, blurred, truncated-fov
 * @param value the measured value
 * @param threshold the threshold it crossed
 * @param reason a readable sentence with both numbers
 */
public record QcFlag(String check, double value, double threshold, String reason) {}
