package attndx.data;

import java.util.Arrays;

/**
 * An image-level label: for binary and multi-class tasks a single class index, for multi-label
 * tasks the set of labels present (possibly empty).
 */
public record Label(int[] positives) {

    public Label {
        positives = positives.clone();
        Arrays.sort(positives);
        for (int i = 0; i < positives.length; i++) {
            if (positives[i] < 0) {
                throw new IllegalArgumentException("label index must be >= 0, got " + positives[i]);
            }
            if (i > 0 && positives[i] == positives[i - 1]) {
                throw new IllegalArgumentException("label index repeated: " + positives[i]);
            }
        }
    }

    /** A single-class label (binary or multi-class). */
    public static Label of(int classIndex) {
        return new Label(new int[] {classIndex});
    }

    /** The class index of a single-class label. */
    public int index() {
        if (positives.length != 1) {
            throw new IllegalStateException("not a single-class label: " + Arrays.toString(positives));
        }
        return positives[0];
    }

    /** The multi-hot vector of length k. */
    public float[] multiHot(int k) {
        float[] v = new float[k];
        for (int p : positives) {
            v[p] = 1f;
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Label l && Arrays.equals(positives, l.positives);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(positives);
    }

    @Override
    public String toString() {
        return Arrays.toString(positives);
    }
}
