package attndx.metrics;

import attndx.core.AttndxException;

/** Converts labels to the boolean truth the ranking metrics take, and words single-class warnings. */
final class BinaryTruth {
    private BinaryTruth() {}

    static boolean[] fromLabels(int[] labels) {
        boolean[] y = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new AttndxException("labels[" + i + "] = " + labels[i] + " is outside the classes [0, 2)");
            }
            y[i] = labels[i] == 1;
        }
        return y;
    }

    static String undefinedWarning(String metric, String what, boolean[] positive) {
        int pos = 0;
        for (boolean p : positive) {
            pos += p ? 1 : 0;
        }
        return metric + " undefined for " + what + ": " + pos + " positive and " + (positive.length - pos)
                + " negative images (needs both); reported as NaN";
    }
}
