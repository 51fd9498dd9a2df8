package attndx.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.Histogram;

/**
 * Per-sample distributions (seed 7.6): for each variant and method, a histogram of one per-image score (deletion
 * area, stability) over the audited images of all seeds, drawn over the random map's histogram on the same bins.
 */
final class DistributionFigures {
    private static final int BINS = 12;

    private DistributionFigures() {}

    /**
     * Histograms of the per-image column {@code method + suffix}.
     *
     * @param suffix ".deletion" or ".stability"
     * @param what the score's name in titles and readings
     * @param lowerBetter whether a low score is the good end
     */
    static List<Figure> histograms(List<ReportData.CellData> cells, String suffix, String what, boolean lowerBetter) {
        List<Figure> out = new ArrayList<>();
        for (Map.Entry<String, List<ReportData.CellData>> v : ReportFigures.byVariant(cells).entrySet()) {
            Map<String, List<Double>> pooled = new LinkedHashMap<>();
            for (ReportData.CellData c : v.getValue()) {
                if (c.audit() == null) {
                    continue;
                }
                c.audit().perImage().forEach((column, values) -> {
                    if (column.endsWith(suffix) && column.indexOf('.') == column.length() - suffix.length()) {
                        List<Double> l = pooled.computeIfAbsent(column.substring(0, column.indexOf('.')),
                                k -> new ArrayList<>());
                        for (double d : values) {
                            if (!Double.isNaN(d)) {
                                l.add(d);
                            }
                        }
                    }
                });
            }
            List<Double> random = pooled.remove("random");
            for (Map.Entry<String, List<Double>> m : pooled.entrySet()) {
                if (!m.getValue().isEmpty()) {
                    out.add(figure(v.getKey(), m.getKey(), m.getValue(), random, what, lowerBetter));
                }
            }
        }
        return out;
    }

    private static Figure figure(String variant, String method, List<Double> values, List<Double> random,
            String what, boolean lowerBetter) {
        double min = values.stream().mapToDouble(d -> d).min().orElse(0);
        double max = values.stream().mapToDouble(d -> d).max().orElse(1);
        if (random != null && !random.isEmpty()) {
            min = Math.min(min, random.stream().mapToDouble(d -> d).min().orElse(min));
            max = Math.max(max, random.stream().mapToDouble(d -> d).max().orElse(max));
        }
        if (max - min < 1e-9) {
            // every image scored the same: a visible single bar rather than a zero-width range
            min -= 0.05;
            max += 0.05;
        }
        CategoryChart c = Charts.bars(360, 300, variant + " · " + method, what, "images");
        c.getStyler().setSeriesColors(new Color[] {new Color(0, 114, 178, 200), new Color(150, 150, 150, 130)});
        Histogram h = new Histogram(values, BINS, min, max);
        c.addSeries(method, h.getxAxisData(), h.getyAxisData());
        if (random != null && !random.isEmpty()) {
            Histogram r = new Histogram(random, BINS, min, max);
            c.addSeries("random map", r.getxAxisData(), r.getyAxisData());
        }
        double median = median(values);
        String reading = String.format(Locale.ROOT, "%d images; median %s %.3f%s (%s is better).", values.size(),
                what, median, random == null || random.isEmpty() ? ""
                        : String.format(Locale.ROOT, " against %.3f for the random map", median(random)),
                lowerBetter ? "lower" : "higher");
        return new Figure(variant + " · " + method + ": " + what, Charts.dataUri(c), reading, c.getWidth());
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(d -> d).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
