package attndx.explain.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The localisation check (seed section 6.2) over the annotated images of a split: pointing game, IoU and Dice
 * at each top share and value threshold, energy-based pointing ({@link Localisation}). Images without an
 * annotation are counted and skipped (NaN), never scored 0.
 */
public final class LocalisationCheck {
    private LocalisationCheck() {}

    /**
     * One method's figures.
     *
     * @param scores per score name ("pointing", "iou@top10%", "dice@0.50", "energy", ...) its summary over the
     *     annotated images
     */
    public record Result(int annotated, int skipped, Map<String, Summary> scores) {}

    /** The figures of every map set; per-image values go to {@code scores} as {@code <method>.<score>}. */
    public static Map<String, Result> run(ExplainData d, Map<String, float[][]> maps, LocalisationConfig cfg,
            PerImageScores scores) {
        Map<String, Result> out = new LinkedHashMap<>();
        int annotated = d.annotated();
        for (Map.Entry<String, float[][]> e : maps.entrySet()) {
            Map<String, double[]> columns = columns(d, e.getValue(), cfg);
            Map<String, Summary> summaries = new LinkedHashMap<>();
            columns.forEach((name, values) -> {
                scores.put(e.getKey() + "." + name, values);
                summaries.put(name, Summary.of(values, d.ids(), true));
            });
            out.put(e.getKey(), new Result(annotated, d.size() - annotated, summaries));
        }
        return out;
    }

    private static Map<String, double[]> columns(ExplainData d, float[][] maps, LocalisationConfig cfg) {
        Map<String, double[]> c = new LinkedHashMap<>();
        int n = d.size();
        double[] pointing = nan(n);
        double[] energy = nan(n);
        c.put("pointing", pointing);
        c.put("energy", energy);
        for (double q : cfg.topShares()) {
            c.put(String.format(Locale.ROOT, "iou@top%.0f%%", q * 100), nan(n));
            c.put(String.format(Locale.ROOT, "dice@top%.0f%%", q * 100), nan(n));
        }
        for (double t : cfg.thresholds()) {
            c.put(String.format(Locale.ROOT, "iou@%.2f", t), nan(n));
            c.put(String.format(Locale.ROOT, "dice@%.2f", t), nan(n));
        }
        for (int i = 0; i < n; i++) {
            float[] mask = d.masks()[i];
            if (mask == null) {
                continue;
            }
            pointing[i] = Localisation.pointing(maps[i], mask, d.width(), cfg.tolerance());
            energy[i] = Localisation.energy(maps[i], mask);
            for (double q : cfg.topShares()) {
                boolean[] r = Localisation.top(maps[i], q);
                c.get(String.format(Locale.ROOT, "iou@top%.0f%%", q * 100))[i] = Localisation.iou(r, mask);
                c.get(String.format(Locale.ROOT, "dice@top%.0f%%", q * 100))[i] = Localisation.dice(r, mask);
            }
            for (double t : cfg.thresholds()) {
                boolean[] r = Localisation.atLeast(maps[i], t);
                c.get(String.format(Locale.ROOT, "iou@%.2f", t))[i] = Localisation.iou(r, mask);
                c.get(String.format(Locale.ROOT, "dice@%.2f", t))[i] = Localisation.dice(r, mask);
            }
        }
        return c;
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }
}
