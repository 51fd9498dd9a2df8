package attndx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's XChart set-up: one quiet style for every chart, a colour-blind-safe palette (Okabe-Ito), PNG
 * encoding to a data URI so that the page carries its images, and the over-seeds averages the figures plot.
 */
final class Charts {
    /** Okabe-Ito: distinguishable with the common colour-vision deficiencies. */
    static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(240, 228, 66)};
    static final Color REFERENCE = new Color(120, 120, 120);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    static {
        // Charts are drawn off-screen; the CLI and tests run without a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {}

    static XYChart xy(int width, int height, String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(x).yAxisTitle(y).build();
        style(c.getStyler());
        c.getStyler().setXAxisDecimalPattern("0.##").setYAxisDecimalPattern("0.##");
        c.getStyler().setSeriesColors(PALETTE).setMarkerSize(6);
        return c;
    }

    static CategoryChart bars(int width, int height, String title, String x, String y) {
        CategoryChart c = new CategoryChartBuilder().width(width).height(height).title(title).xAxisTitle(x)
                .yAxisTitle(y).build();
        style(c.getStyler());
        c.getStyler().setOverlapped(true).setAvailableSpaceFill(0.95).setXAxisDecimalPattern("0.00")
                .setXAxisLabelRotation(45);
        return c;
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE).setPlotBorderVisible(false)
                .setLegendBorderColor(new Color(220, 220, 220)).setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal).setChartTitleFont(TEXT.deriveFont(Font.BOLD, 13f))
                .setLegendFont(TEXT).setChartTitleBoxVisible(false).setAntiAlias(true);
        if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
            a.setAxisTitleFont(TEXT).setAxisTickLabelsFont(TEXT.deriveFont(11f))
                    .setPlotGridLinesColor(new Color(232, 232, 232)).setAxisTickMarksColor(new Color(160, 160, 160));
        }
    }

    /** Many series: the legend goes right of the plot, one entry a line, where a row below would be clipped. */
    static void legendRight(XYChart c) {
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE).setLegendLayout(Styler.LegendLayout.Vertical);
    }

    /** A dashed grey reference line (chance, perfect calibration, random map). */
    static XYSeries reference(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE).setLineColor(REFERENCE)
                .setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
        return s;
    }

    /**
     * A mean curve in {@code color} with a translucent band of +-1 {@code std} around it (drawn first, so the line
     * stays on top; none where every std is 0, i.e. one seed).
     */
    static XYSeries withBand(XYChart c, String name, double[] x, double[] mean, double[] std, Color color) {
        if (java.util.Arrays.stream(std).anyMatch(v -> v > 0)) {
            int n = mean.length;
            double[] px = new double[2 * n];
            double[] py = new double[2 * n];
            for (int i = 0; i < n; i++) {
                px[i] = x[i];
                py[i] = mean[i] + std[i];
                px[2 * n - 1 - i] = x[i];
                py[2 * n - 1 - i] = mean[i] - std[i];
            }
            XYSeries band = c.addSeries(name + " (+-1 std over seeds)", px, py);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setMarker(SeriesMarkers.NONE);
            band.setLineColor(new Color(0, 0, 0, 0));
            band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 48));
            band.setShowInLegend(false);
        }
        XYSeries s = c.addSeries(name, x, mean);
        // solid: XChart cycles line styles by series index, which the bands would shift
        s.setLineStyle(new BasicStroke(2f));
        s.setLineColor(color);
        s.setMarkerColor(color);
        return s;
    }

    /** The chart as a PNG data URI. */
    static String dataUri(Chart<?, ?> chart) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart '" + chart.getTitle() + "'", e);
        }
    }

    /** Element-wise mean over curves, up to the shortest curve's length; NaN entries are left out. */
    static double[] mean(List<double[]> curves) {
        int n = curves.stream().mapToInt(c -> c.length).min().orElse(0);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int k = 0;
            for (double[] c : curves) {
                if (!Double.isNaN(c[i])) {
                    sum += c[i];
                    k++;
                }
            }
            out[i] = k == 0 ? Double.NaN : sum / k;
        }
        return out;
    }

    /** Element-wise sample standard deviation over curves (0 for a single curve: no band to draw). */
    static double[] std(List<double[]> curves) {
        double[] m = mean(curves);
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double ss = 0;
            int k = 0;
            for (double[] c : curves) {
                if (!Double.isNaN(c[i])) {
                    ss += (c[i] - m[i]) * (c[i] - m[i]);
                    k++;
                }
            }
            out[i] = k < 2 ? 0 : Math.sqrt(ss / (k - 1));
        }
        return out;
    }

    /** Area under a curve sampled at equal steps over [0, 1] (trapezoid rule). */
    static double area(double[] curve) {
        if (curve.length < 2) {
            return curve.length == 1 ? curve[0] : Double.NaN;
        }
        double a = 0;
        for (int i = 1; i < curve.length; i++) {
            a += (curve[i - 1] + curve[i]) / 2;
        }
        return a / (curve.length - 1);
    }

    static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = n == 1 ? 0 : (double) i / (n - 1);
        }
        return x;
    }
}
