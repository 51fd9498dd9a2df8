package attndx.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Bins top-label confidences into reliability diagrams (paper A.1). Equal-width bins split
 * {@code [0, 1]} into B intervals {@code [b/B, (b+1)/B)}, the last one closed. Equal-mass ("adaptive")
 * bins sort the predictions by confidence and cut them into B groups of {@code floor/ceil(n/B)}
 * predictions, so every bin carries the same weight; tied confidences may straddle a cut.
 */
public final class Reliability {
    private Reliability() {}

    /** Equal-width diagram over {@code bins} intervals. */
    public static ReliabilityDiagram equalWidth(double[] confidence, boolean[] correct, int bins) {
        check(confidence, correct, bins);
        int[] count = new int[bins];
        double[] conf = new double[bins];
        int[] hits = new int[bins];
        for (int i = 0; i < confidence.length; i++) {
            int b = Math.min(bins - 1, (int) Math.floor(confidence[i] * bins));
            count[b]++;
            conf[b] += confidence[i];
            hits[b] += correct[i] ? 1 : 0;
        }
        List<ReliabilityBin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            out.add(bin((double) b / bins, (double) (b + 1) / bins, count[b], conf[b], hits[b]));
        }
        return new ReliabilityDiagram("equal-width", confidence.length, out);
    }

    /** Equal-mass (adaptive) diagram with at most {@code bins} bins of near-equal counts. */
    public static ReliabilityDiagram equalMass(double[] confidence, boolean[] correct, int bins) {
        check(confidence, correct, bins);
        int n = confidence.length;
        int[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble(i -> confidence[i])).mapToInt(Integer::intValue).toArray();
        List<ReliabilityBin> out = new ArrayList<>();
        int used = Math.min(bins, n);
        for (int b = 0; b < used; b++) {
            int from = (int) ((long) b * n / used);
            int to = (int) ((long) (b + 1) * n / used);
            double conf = 0;
            int hits = 0;
            for (int r = from; r < to; r++) {
                conf += confidence[order[r]];
                hits += correct[order[r]] ? 1 : 0;
            }
            out.add(bin(confidence[order[from]], confidence[order[to - 1]], to - from, conf, hits));
        }
        return new ReliabilityDiagram("equal-mass", n, out);
    }

    private static ReliabilityBin bin(double lower, double upper, int count, double confSum, int hits) {
        return count == 0 ? new ReliabilityBin(lower, upper, 0, Double.NaN, Double.NaN)
                : new ReliabilityBin(lower, upper, count, confSum / count, (double) hits / count);
    }

    private static void check(double[] confidence, boolean[] correct, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, found " + bins);
        }
        if (confidence.length != correct.length) {
            throw new IllegalArgumentException("confidence has " + confidence.length
                    + " entries but correct has " + correct.length);
        }
        if (Arrays.stream(confidence).anyMatch(c -> !(c >= 0 && c <= 1))) {
            throw new IllegalArgumentException("confidences must lie in [0, 1]");
        }
    }
}
