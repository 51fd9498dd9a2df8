package attndx.explain;

import attndx.core.AttndxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Mean deletion or insertion curves per method, the random map's dashed, as a PNG (XChart). */
final class CurvePlots {
    private CurvePlots() {}

    static void write(Path png, String title, Map<String, double[]> curves) {
        XYChart chart = new XYChartBuilder().width(640).height(440).title(title)
                .xAxisTitle("fraction of pixels " + (title.startsWith("deletion") ? "removed" : "inserted"))
                .yAxisTitle("mean target probability").build();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            double[] y = e.getValue();
            double[] x = new double[y.length];
            for (int k = 0; k < x.length; k++) {
                x[k] = (double) k / (x.length - 1);
            }
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setMarker(SeriesMarkers.NONE);
            if (e.getKey().equals(Methods.RANDOM)) {
                s.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new AttndxException("cannot write " + png + ": " + e.getMessage(), e);
        }
    }
}
