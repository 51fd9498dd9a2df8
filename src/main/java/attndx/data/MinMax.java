package attndx.data;

/** Min-max scaling of values to [0, 1], shared by image loading (DICOM without a window) and saliency maps. */
public final class MinMax {
    private MinMax() {}

    /** Scales {@code v} in place so its minimum becomes 0 and its maximum 1; a constant array becomes all zeros. */
    public static void scaleToUnit(float[] v) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        float range = max - min;
        for (int i = 0; i < v.length; i++) {
            v[i] = range > 0 ? (v[i] - min) / range : 0f;
        }
    }
}
