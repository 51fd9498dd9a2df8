package attndx.calibrate;

import attndx.core.AttndxException;
import attndx.data.TaskType;
import java.util.Arrays;

/**
 * Validated model outputs for {@code n} images: raw logits {@code n x k} plus the true labels.
 * Binary tasks accept one logit per image (sigmoid, class 1 positive) or two (softmax); multi-class
 * uses a softmax over {@code k >= 2} logits; multi-label uses an independent sigmoid per label.
 * Probabilities always come back as {@link #columns()} columns: binary {@code [1-p, p]}, multi-class
 * the {@code k} class probabilities, multi-label the {@code k} independent label probabilities.
 *
 * @param task what a label means
 * @param logits raw logits, {@code n x k}, all finite
 * @param labels class index per image for binary/multi-class (null for multi-label)
 * @param multiLabels presence per image and label for multi-label (null otherwise)
 */
public record Predictions(TaskType task, double[][] logits, int[] labels, boolean[][] multiLabels) {

    public Predictions {
        if (task == null || logits == null) {
            throw new AttndxException("predictions need a task type and logits, found task=" + task
                    + ", logits=" + (logits == null ? "null" : "present"));
        }
        int k = checkLogits(logits);
        if (task == TaskType.MULTILABEL) {
            checkMultiLabels(logits.length, k, multiLabels);
        } else {
            checkLabels(task, logits.length, k, labels);
        }
    }

    /** Binary or multi-class predictions with one class index per image. */
    public static Predictions singleLabel(TaskType task, double[][] logits, int[] labels) {
        if (task == TaskType.MULTILABEL) {
            throw new AttndxException("task MULTILABEL needs multi-hot labels, use Predictions.multiLabel");
        }
        return new Predictions(task, logits, labels, null);
    }

    /** Multi-label predictions: {@code present[i][j]} says whether label j applies to image i. */
    public static Predictions multiLabel(double[][] logits, boolean[][] present) {
        return new Predictions(TaskType.MULTILABEL, logits, null, present);
    }

    /** Widens float logits (as models produce them) to doubles, row by row. */
    public static double[][] widen(float[][] logits) {
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = new double[logits[i].length];
            for (int j = 0; j < logits[i].length; j++) {
                out[i][j] = logits[i][j];
            }
        }
        return out;
    }

    /** Number of images. */
    public int size() {
        return logits.length;
    }

    /** Number of logits per image. */
    public int logitCount() {
        return logits.length == 0 ? 0 : logits[0].length;
    }

    /** Number of probability columns: 2 for binary, k otherwise. */
    public int columns() {
        return task == TaskType.BINARY ? 2 : logitCount();
    }

    /** Whether probabilities come from independent sigmoids (binary with one logit, multi-label). */
    public boolean sigmoid() {
        return task == TaskType.MULTILABEL || (task == TaskType.BINARY && logitCount() == 1);
    }

    /** Probabilities at temperature {@code t}: {@code softmax(l/t)} or {@code sigmoid(l/t)} (paper 5.6). */
    public double[][] probabilities(double t) {
        double[][] p = new double[size()][];
        for (int i = 0; i < p.length; i++) {
            if (task == TaskType.BINARY && logitCount() == 1) {
                double q = Probabilities.sigmoid(logits[i][0] / t);
                p[i] = new double[] {1 - q, q};
            } else if (task == TaskType.MULTILABEL) {
                p[i] = new double[logits[i].length];
                for (int j = 0; j < p[i].length; j++) {
                    p[i][j] = Probabilities.sigmoid(logits[i][j] / t);
                }
            } else {
                p[i] = Probabilities.softmax(logits[i], t);
            }
        }
        return p;
    }

    /** Truth per image and probability column (one-hot for single-label tasks). */
    public boolean[][] targets() {
        boolean[][] y = new boolean[size()][];
        for (int i = 0; i < y.length; i++) {
            if (task == TaskType.MULTILABEL) {
                y[i] = multiLabels[i].clone();
            } else {
                y[i] = new boolean[columns()];
                y[i][labels[i]] = true;
            }
        }
        return y;
    }

    /** Label {@code j} of a multi-label task as binary one-logit predictions. */
    public Predictions label(int j) {
        if (task != TaskType.MULTILABEL) {
            throw new IllegalStateException("label(j) applies to multi-label predictions, task is " + task);
        }
        double[][] l = new double[size()][1];
        int[] y = new int[size()];
        for (int i = 0; i < l.length; i++) {
            l[i][0] = logits[i][j];
            y[i] = multiLabels[i][j] ? 1 : 0;
        }
        return singleLabel(TaskType.BINARY, l, y);
    }

    private static int checkLogits(double[][] logits) {
        int k = logits.length == 0 ? 0 : logits[0].length;
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] == null || logits[i].length != k) {
                throw new AttndxException("logits row " + i + " has "
                        + (logits[i] == null ? "no" : logits[i].length) + " columns, expected " + k
                        + " (as row 0); logits must be n x k");
            }
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(logits[i][j])) {
                    throw new AttndxException("logits[" + i + "][" + j + "] is " + logits[i][j]
                            + "; every logit must be finite");
                }
            }
        }
        return k;
    }

    private static void checkLabels(TaskType task, int n, int k, int[] labels) {
        if (labels == null || labels.length != n) {
            throw new AttndxException("logits has " + n + " rows but labels has "
                    + (labels == null ? "none" : labels.length + " entries"));
        }
        if (n > 0 && task == TaskType.BINARY && k != 1 && k != 2) {
            throw new AttndxException("binary task needs 1 or 2 logits per image, found " + k);
        }
        if (n > 0 && task == TaskType.MULTICLASS && k < 2) {
            throw new AttndxException("multi-class task needs at least 2 logits per image, found " + k);
        }
        int classes = task == TaskType.BINARY ? 2 : k;
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new AttndxException("labels[" + i + "] = " + labels[i] + " is outside the classes [0, "
                        + classes + ")");
            }
        }
    }

    private static void checkMultiLabels(int n, int k, boolean[][] present) {
        if (present == null || present.length != n) {
            throw new AttndxException("logits has " + n + " rows but multi-labels has "
                    + (present == null ? "none" : present.length + " rows"));
        }
        for (int i = 0; i < n; i++) {
            if (present[i] == null || present[i].length != k) {
                throw new AttndxException("multi-labels row " + i + " has "
                        + (present[i] == null ? "no" : present[i].length) + " entries, expected " + k
                        + " (one per logit)");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Predictions p && task == p.task && Arrays.deepEquals(logits, p.logits)
                && Arrays.equals(labels, p.labels) && Arrays.deepEquals(multiLabels, p.multiLabels);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(logits) * 31 + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "Predictions[" + task + ", n=" + size() + ", k=" + logitCount() + "]";
    }
}
