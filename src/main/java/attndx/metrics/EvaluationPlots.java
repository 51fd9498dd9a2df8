package attndx.metrics;

import attndx.calibrate.CalibrationComparison;
import attndx.calibrate.ReliabilityPlot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes an evaluation report's plots: one reliability diagram (before/after) per calibrated output. */
public final class EvaluationPlots {
    private EvaluationPlots() {}

    /** Writes {@code reliability-<name>.png} files into {@code dir} and returns their paths. */
    public static List<Path> write(EvaluationReport report, Path dir) {
        List<Path> written = new ArrayList<>();
        for (CalibrationComparison c : report.calibration()) {
            Path png = dir.resolve("reliability-" + c.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            ReliabilityPlot.write(png, "Reliability: " + c.name(), c);
            written.add(png);
        }
        return written;
    }
}
