package attndx.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's line figures, each averaged over the seeds of a variant: deletion and insertion curves with the
 * random reference (seed figure 1), reliability diagrams before and after temperature scaling, risk-coverage with
 * the abstention threshold chosen on validation, and the stress test's AUC against shift strength.
 */
final class ReportFigures {
    private ReportFigures() {}

    /** Cells grouped by variant, in the order of results.json. */
    static Map<String, List<ReportData.CellData>> byVariant(List<ReportData.CellData> cells) {
        Map<String, List<ReportData.CellData>> out = new LinkedHashMap<>();
        cells.forEach(c -> out.computeIfAbsent(c.cell().variant(), k -> new ArrayList<>()).add(c));
        return out;
    }

    /** Mean curve per variant and method with a band of ±1 std over seeds; the random map as a dashed line. */
    static Figure faithfulness(List<ReportData.CellData> cells, boolean deletion) {
        String kind = deletion ? "Deletion" : "Insertion";
        XYChart c = Charts.xy(820, 420, kind + " curves", "fraction of pixels " + (deletion ? "removed" : "restored")
                + ", most important first", "probability of the explained class");
        List<double[]> random = new ArrayList<>();
        int drawn = 0;
        String best = null;
        double bestArea = Double.NaN;
        for (Map.Entry<String, List<ReportData.CellData>> v : byVariant(cells).entrySet()) {
            Map<String, List<double[]>> curves = new LinkedHashMap<>();
            for (ReportData.CellData cell : v.getValue()) {
                if (cell.audit() != null) {
                    (deletion ? cell.audit().deletion() : cell.audit().insertion()).forEach((m, curve) ->
                            curves.computeIfAbsent(m, k -> new ArrayList<>()).add(curve));
                }
            }
            List<double[]> r = curves.remove("random");
            if (r != null) {
                random.addAll(r);
            }
            for (Map.Entry<String, List<double[]>> m : curves.entrySet()) {
                double[] mean = Charts.mean(m.getValue());
                String name = v.getKey() + " · " + m.getKey();
                Color color = Charts.PALETTE[drawn++ % Charts.PALETTE.length];
                Charts.withBand(c, name, Charts.steps(mean.length), mean, Charts.std(m.getValue()), color)
                        .setMarker(SeriesMarkers.CIRCLE);
                double area = Charts.area(mean);
                if (best == null || (deletion ? area < bestArea : area > bestArea)) {
                    best = name;
                    bestArea = area;
                }
            }
        }
        if (best == null) {
            return null;
        }
        double randomArea = Double.NaN;
        if (!random.isEmpty()) {
            double[] mean = Charts.mean(random);
            Charts.reference(c, "random map (reference)", Charts.steps(mean.length), mean);
            randomArea = Charts.area(mean);
        }
        Charts.legendRight(c);
        return new Figure(kind + " curves (figure 1)", Charts.dataUri(c), faithfulnessReading(best, bestArea,
                randomArea, deletion), c.getWidth());
    }

    private static String faithfulnessReading(String best, double bestArea, double randomArea, boolean deletion) {
        boolean beats = deletion ? bestArea < randomArea : bestArea > randomArea;
        return String.format(Locale.ROOT, "%s has the %s area under its mean %s curve (%.3f; random map %s)%s.",
                best, deletion ? "lowest" : "highest", deletion ? "deletion" : "insertion", bestArea,
                Double.isNaN(randomArea) ? "not run" : String.format(Locale.ROOT, "%.3f", randomArea),
                Double.isNaN(randomArea) ? "" : beats ? ", so its map points at pixels the prediction depends on"
                        : ", so no method beats the random map here: these maps do not show what drives the prediction");
    }

    /** One reliability diagram per variant, the seeds' equal-width bins pooled. */
    static List<Figure> reliability(List<ReportData.CellData> cells) {
        List<Figure> out = new ArrayList<>();
        for (Map.Entry<String, List<ReportData.CellData>> v : byVariant(cells).entrySet()) {
            List<ReportData.Evaluation> evals = v.getValue().stream().map(ReportData.CellData::evaluation)
                    .filter(e -> e != null).toList();
            if (evals.isEmpty()) {
                continue;
            }
            XYChart c = Charts.xy(360, 360, v.getKey(), "mean confidence", "observed accuracy");
            c.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
            Charts.reference(c, "ideal", new double[] {0, 1}, new double[] {0, 1});
            double before = meanOf(evals, ReportData.Evaluation::eceBefore);
            double after = meanOf(evals, ReportData.Evaluation::eceAfter);
            addBins(c, "before", evals.stream().map(ReportData.Evaluation::before).toList());
            addBins(c, "after", evals.stream().map(ReportData.Evaluation::after).toList());
            String reading = Double.isNaN(after)
                    ? String.format(Locale.ROOT, "No temperature was fitted; ECE %.1f%%.", 100 * before)
                    : String.format(Locale.ROOT, "Temperature scaling (T = %.2f) moved ECE from %.1f%% to %.1f%%"
                            + " (mean over %d seed%s); points on the diagonal are perfectly calibrated.",
                            meanOf(evals, ReportData.Evaluation::temperature), 100 * before, 100 * after,
                            evals.size(), evals.size() == 1 ? "" : "s");
            out.add(new Figure("Reliability: " + v.getKey(), Charts.dataUri(c), reading, c.getWidth()));
        }
        return out;
    }

    private static void addBins(XYChart c, String name, List<List<ReportData.Bin>> seeds) {
        int n = seeds.stream().mapToInt(List::size).max().orElse(0);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double count = 0;
            double conf = 0;
            double acc = 0;
            for (List<ReportData.Bin> bins : seeds) {
                if (i < bins.size() && bins.get(i).count() > 0) {
                    ReportData.Bin b = bins.get(i);
                    count += b.count();
                    conf += b.count() * b.confidence();
                    acc += b.count() * b.accuracy();
                }
            }
            if (count > 0) {
                x.add(conf / count);
                y.add(acc / count);
            }
        }
        if (!x.isEmpty()) {
            c.addSeries(name, x, y);
        }
    }

    /** Risk against coverage per variant, and the operating point of the threshold chosen on validation. */
    static Figure riskCoverage(List<ReportData.CellData> cells) {
        XYChart c = Charts.xy(820, 400, "Risk-coverage", "coverage (share of images the model decides)",
                "risk (error rate on those images)");
        c.getStyler().setXAxisMax(1.0).setYAxisMin(0.0);
        Charts.legendRight(c);
        StringBuilder reading = new StringBuilder();
        for (Map.Entry<String, List<ReportData.CellData>> v : byVariant(cells).entrySet()) {
            List<ReportData.Evaluation> evals = v.getValue().stream().map(ReportData.CellData::evaluation)
                    .filter(e -> e != null && !e.coverage().isEmpty()).toList();
            if (evals.isEmpty()) {
                continue;
            }
            List<double[]> cov = evals.stream().map(e -> e.coverage().stream()
                    .mapToDouble(ReportData.Coverage::coverage).toArray()).toList();
            List<double[]> risk = evals.stream().map(e -> e.coverage().stream()
                    .mapToDouble(ReportData.Coverage::risk).toArray()).toList();
            c.addSeries(v.getKey(), Charts.mean(cov), Charts.mean(risk)).setMarker(SeriesMarkers.CIRCLE);
            List<ReportData.Coverage> chosen = evals.stream().map(ReportData.Evaluation::chosen)
                    .filter(p -> p != null).toList();
            if (!chosen.isEmpty()) {
                double x = chosen.stream().mapToDouble(ReportData.Coverage::coverage).average().orElse(Double.NaN);
                double y = chosen.stream().mapToDouble(ReportData.Coverage::risk).average().orElse(Double.NaN);
                double t = chosen.stream().mapToDouble(ReportData.Coverage::threshold).average().orElse(Double.NaN);
                XYSeries s = c.addSeries(v.getKey() + ": chosen threshold " + String.format(Locale.ROOT, "%.2f", t),
                        new double[] {x}, new double[] {y});
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.DIAMOND);
                reading.append(reading.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT,
                        "%s decides %.0f%% of test images at its validation-chosen threshold %.2f (error %.1f%%,"
                        + " %.0f%% referred to a reader)", v.getKey(), 100 * x, t, 100 * y, 100 * (1 - x)));
            }
        }
        if (c.getSeriesMap().isEmpty()) {
            return null;
        }
        c.getStyler().setMarkerSize(9);
        return new Figure("Risk-coverage and abstention", Charts.dataUri(c), reading.isEmpty()
                ? "No abstention threshold was chosen (no validation split)." : reading + ".", c.getWidth());
    }

    /** One chart per kind of synthetic shift: mean AUC over seeds against strength, per variant. */
    static List<Figure> stress(List<ReportData.CellData> cells) {
        Map<String, Map<String, List<double[]>>> auc = new LinkedHashMap<>();
        Map<String, double[]> strengths = new LinkedHashMap<>();
        for (ReportData.CellData cell : cells) {
            if (cell.evaluation() == null) {
                continue;
            }
            cell.evaluation().stress().forEach((kind, levels) -> {
                strengths.putIfAbsent(kind, levels.stream().mapToDouble(ReportData.StressPoint::strength).toArray());
                auc.computeIfAbsent(kind, k -> new LinkedHashMap<>()).computeIfAbsent(cell.cell().variant(),
                        k -> new ArrayList<>()).add(levels.stream().mapToDouble(ReportData.StressPoint::auc).toArray());
            });
        }
        List<Figure> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<double[]>>> k : auc.entrySet()) {
            XYChart c = Charts.xy(360, 320, "Shift: " + k.getKey(), "shift strength", "test AUC");
            c.getStyler().setYAxisMax(1.0);
            double[] x = strengths.get(k.getKey());
            StringBuilder reading = new StringBuilder();
            for (Map.Entry<String, List<double[]>> v : k.getValue().entrySet()) {
                double[] y = Charts.mean(v.getValue());
                double[] xs = java.util.Arrays.copyOf(x, y.length);
                c.addSeries(v.getKey(), xs, y).setMarker(SeriesMarkers.CIRCLE);
                reading.append(reading.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT,
                        "%s %.3f → %.3f", v.getKey(), y[0], y[y.length - 1]));
            }
            Charts.reference(c, "chance", new double[] {x[0], x[x.length - 1]}, new double[] {0.5, 0.5});
            out.add(new Figure("Stress test: " + k.getKey(), Charts.dataUri(c), String.format(Locale.ROOT,
                    "AUC from no shift to strength %.2f of %s: %s.", x[x.length - 1], k.getKey(), reading), c.getWidth()));
        }
        return out;
    }

    static double meanOf(List<ReportData.Evaluation> evals, Function<ReportData.Evaluation, Double> f) {
        return evals.stream().mapToDouble(f::apply).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }
}
