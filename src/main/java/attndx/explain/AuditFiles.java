package attndx.explain;

import attndx.explain.eval.ExplainData;
import attndx.explain.eval.Faithfulness;
import attndx.explain.eval.PerImageScores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The audit's picture files: mean curves per method and the best, median and worst overlay per method. */
final class AuditFiles {
    private AuditFiles() {}

    static void curves(Path dir, Map<String, Faithfulness.Result> faith) {
        if (faith == null) {
            return;
        }
        Map<String, double[]> del = new LinkedHashMap<>();
        Map<String, double[]> ins = new LinkedHashMap<>();
        faith.forEach((m, r) -> {
            del.put(m, r.deletion().meanCurve());
            ins.put(m, r.insertion().meanCurve());
        });
        CurvePlots.write(dir.resolve("deletion.png"), "deletion (lower area = more faithful)", del);
        CurvePlots.write(dir.resolve("insertion.png"), "insertion (higher area = more faithful)", ins);
    }

    /**
     * Per method, the images ranked by the method's first available score: insertion minus deletion area, else
     * energy pointing, else overall stability; the best, median and worst are drawn.
     */
    static void overlays(Path dir, ModelInputs in, Map<String, float[][]> maps, PerImageScores scores) {
        ExplainData d = in.data();
        for (Map.Entry<String, float[][]> e : maps.entrySet()) {
            double[] score = rankScore(e.getKey(), scores);
            if (score == null) {
                continue;
            }
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < score.length; i++) {
                if (!Double.isNaN(score[i])) {
                    idx.add(i);
                }
            }
            if (idx.isEmpty()) {
                continue;
            }
            idx.sort(Comparator.comparingDouble(i -> -score[i]));
            String[] names = {"best", "median", "worst"};
            int[] picks = {idx.get(0), idx.get(idx.size() / 2), idx.get(idx.size() - 1)};
            for (int k = 0; k < 3; k++) {
                int i = picks[k];
                Overlays.write(dir.resolve(e.getKey()).resolve(names[k] + "-" + Overlays.fileName(d.ids()[i]) + ".png"), d.raw()[i],
                        d.channels(), d.height(), d.width(), e.getValue()[i], String.format(Locale.ROOT,
                                "%s %s %s score %.3f", names[k], d.ids()[i], e.getKey(), score[i]));
            }
        }
    }

    private static double[] rankScore(String method, PerImageScores scores) {
        double[] del = scores.get(method + ".deletion");
        double[] ins = scores.get(method + ".insertion");
        if (del != null && ins != null) {
            double[] s = new double[del.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = ins[i] - del[i];
            }
            return s;
        }
        double[] energy = scores.get(method + ".energy");
        return energy != null ? energy : scores.get(method + ".stability");
    }
}
