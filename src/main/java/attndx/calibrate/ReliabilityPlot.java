package attndx.calibrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a reliability diagram (paper A.1) as a PNG with XChart: accuracy against mean confidence of
 * each non-empty equal-width bin, before and after temperature scaling overlaid, with the diagonal
 * of perfect calibration. Runs headless (sets {@code java.awt.headless=true} unless already set).
 */
public final class ReliabilityPlot {
    private ReliabilityPlot() {}

    /** Draws {@code c} (after-curve only when present) into {@code png}, creating parent folders. */
    public static void write(Path png, String title, CalibrationComparison c) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        XYChart chart = new XYChartBuilder().width(640).height(560).title(title)
                .xAxisTitle("mean confidence").yAxisTitle("accuracy").build();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        XYSeries diagonal = chart.addSeries("perfect calibration", new double[] {0, 1}, new double[] {0, 1});
        diagonal.setMarker(SeriesMarkers.NONE);
        add(chart, String.format(java.util.Locale.ROOT, "before (ECE %.3f)", c.before().ece()), c.before());
        if (c.after() != null) {
            add(chart, String.format(java.util.Locale.ROOT, "after T=%.3f (ECE %.3f)", c.after().temperature(),
                    c.after().ece()), c.after());
        }
        try {
            if (png.toAbsolutePath().getParent() != null) {
                Files.createDirectories(png.toAbsolutePath().getParent());
            }
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write reliability diagram " + png, e);
        }
    }

    private static void add(XYChart chart, String name, CalibrationMetrics m) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (ReliabilityBin b : m.equalWidth().bins()) {
            if (b.count() > 0) {
                x.add(b.meanConfidence());
                y.add(b.accuracy());
            }
        }
        if (!x.isEmpty()) {
            chart.addSeries(name, x, y);
        }
    }
}
