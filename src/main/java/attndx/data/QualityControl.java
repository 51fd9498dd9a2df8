package attndx.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The quality-control filter of seed section 7.8: flags under-/over-exposure (mean intensity), low
 * contrast (standard deviation), blur (variance of the Laplacian relative to the image variance, see
 * {@link ImageMeasures#sharpness}) and truncated fields of view (area in constant outer rows/columns),
 * each with the measured value and the threshold. It flags for manual review; it removes nothing.
 * Multi-channel images are checked on their channel mean. Blur is not judged on low-contrast images
 * (their Laplacian is noise relative to almost no signal).
 */
public final class QualityControl {
    private final QcConfig config;

    public QualityControl(QcConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The checks of every sample of {@code dataset}. */
    public QcReport check(Dataset dataset) {
        List<QcReport.Result> results = new ArrayList<>(dataset.size());
        for (Sample s : dataset.samples()) {
            results.add(new QcReport.Result(s.id(), s.source(), check(s.image())));
        }
        return new QcReport(config, results);
    }

    /** The failed checks of one image (empty when it passes). */
    public List<QcFlag> check(ImageTensor image) {
        float[] v = ImageMeasures.grey(image);
        int h = image.height();
        int w = image.width();
        List<QcFlag> flags = new ArrayList<>();
        double mean = ImageMeasures.mean(v);
        if (mean < config.minMean()) {
            flags.add(flag("under-exposed", "mean intensity", mean, "<", config.minMean()));
        }
        if (mean > config.maxMean()) {
            flags.add(flag("over-exposed", "mean intensity", mean, ">", config.maxMean()));
        }
        double std = ImageMeasures.std(v);
        if (std < config.minStd()) {
            flags.add(flag("low-contrast", "intensity std", std, "<", config.minStd()));
        } else {
            double sharp = ImageMeasures.sharpness(v, h, w);
            if (sharp < config.minSharpness()) {
                flags.add(flag("blurred", "Laplacian variance / variance", sharp, "<", config.minSharpness()));
            }
        }
        double border = ImageMeasures.constantBorderFraction(v, h, w, config.flatTolerance());
        if (border > config.maxConstantBorder()) {
            flags.add(flag("truncated-fov", "constant border area fraction", border, ">", config.maxConstantBorder()));
        }
        return flags;
    }

    private static QcFlag flag(String check, String measure, double value, String op, double threshold) {
        return new QcFlag(check, value, threshold,
                String.format(Locale.ROOT, "%s %.4f %s %.4f", measure, value, op, threshold));
    }
}
