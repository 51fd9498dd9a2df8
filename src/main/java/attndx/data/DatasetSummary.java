package attndx.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code attndx data inspect} shows: counts per split and class, patients, image sizes and
 * channels, intensity statistics over all pixel values, masks and boxes, the skipped rows, and
 * the data fingerprint. Serialises to JSON as is.
 *
 * @param name dataset name
 * @param source file or folder read
 * @param task the task
 * @param classNames class names by index
 * @param channels image channels
 * @param samples number of samples
 * @param patients number of distinct patient ids
 * @param splits per split ("unassigned" for samples without one): samples, patients and count per class
 * @param minHeight smallest image height
 * @param maxHeight largest image height
 * @param minWidth smallest image width
 * @param maxWidth largest image width
 * @param intensity pixel value statistics (all channels, all samples)
 * @param withMask samples that have a mask
 * @param withBoxes samples that have at least one box
 * @param skipped rows left out while loading
 * @param fingerprint {@link DatasetFingerprint} of the summarised samples
 * @param qc quality control with the default thresholds ({@link QcConfig#defaults()})
 */
public record DatasetSummary(String name, String source, TaskType task, List<String> classNames, int channels,
        int samples, int patients, Map<String, SplitCounts> splits, int minHeight, int maxHeight, int minWidth,
        int maxWidth, Intensity intensity, int withMask, int withBoxes, List<LoadReport.Skipped> skipped,
        String fingerprint, QcSummary qc) implements InspectionSummary {

    /** The split name used for samples without an explicit split. */
    public static final String UNASSIGNED = "unassigned";

    /**
     * Counts of one split.
     *
     * @param samples number of samples
     * @param patients number of distinct patients
     * @param perClass samples per class name (multi-label: samples in which the label is present)
     */
    public record SplitCounts(int samples, int patients, Map<String, Integer> perClass) {}

    /**
     * Pixel statistics (population standard deviation).
     *
     * @param mean mean value
     * @param std standard deviation
     * @param min smallest value
     * @param max largest value
     */
    public record Intensity(double mean, double std, double min, double max) {}

    /**
     * Quality-control totals.
     *
     * @param flagged images with at least one flag
     * @param byCheck flagged images per check
     */
    public record QcSummary(int flagged, Map<String, Integer> byCheck) {}

    /** Summarises all of {@code loaded}. */
    public static DatasetSummary of(LoadedDataset loaded) {
        return of(loaded, null);
    }

    /** Summarises one split of {@code loaded} ({@link #UNASSIGNED} = samples without one; null = all). */
    public static DatasetSummary of(LoadedDataset loaded, String split) {
        Dataset ds = split == null ? loaded.dataset()
                : loaded.dataset().filter(s -> split.equals(s.split() == null ? UNASSIGNED : s.split()));
        DatasetInfo info = ds.info();
        int minH = Integer.MAX_VALUE;
        int maxH = 0;
        int minW = Integer.MAX_VALUE;
        int maxW = 0;
        for (Sample s : ds.samples()) {
            minH = Math.min(minH, s.image().height());
            maxH = Math.max(maxH, s.image().height());
            minW = Math.min(minW, s.image().width());
            maxW = Math.max(maxW, s.image().width());
        }
        int masks = (int) ds.samples().stream().filter(Sample::hasMask).count();
        int boxes = (int) ds.samples().stream().filter(s -> !s.boxes().isEmpty()).count();
        return new DatasetSummary(info.name(), info.source(), info.task(), info.classNames(), info.channels(),
                ds.size(), patients(ds.samples()), splits(ds), ds.size() == 0 ? 0 : minH, maxH,
                ds.size() == 0 ? 0 : minW, maxW, intensity(ds), masks, boxes, loaded.report().skipped(),
                DatasetFingerprint.of(ds), qc(ds));
    }

    private static QcSummary qc(Dataset ds) {
        QcReport report = new QualityControl(QcConfig.defaults()).check(ds);
        return new QcSummary(report.flaggedCount(), report.countsByCheck());
    }

    private static Map<String, SplitCounts> splits(Dataset ds) {
        Map<String, List<Sample>> bySplit = new TreeMap<>();
        for (Sample s : ds.samples()) {
            bySplit.computeIfAbsent(s.split() == null ? UNASSIGNED : s.split(), k -> new ArrayList<>()).add(s);
        }
        Map<String, SplitCounts> out = new LinkedHashMap<>();
        for (String split : List.of("train", "val", "test", UNASSIGNED)) {
            List<Sample> samples = bySplit.get(split);
            if (samples != null) {
                Map<String, Integer> perClass = new LinkedHashMap<>();
                ds.info().classNames().forEach(n -> perClass.put(n, 0));
                for (Sample s : samples) {
                    for (int p : s.label().positives()) {
                        perClass.merge(ds.info().classNames().get(p), 1, Integer::sum);
                    }
                }
                out.put(split, new SplitCounts(samples.size(), patients(samples), perClass));
            }
        }
        return out;
    }

    private static int patients(List<Sample> samples) {
        Set<String> ids = new HashSet<>();
        samples.forEach(s -> ids.add(s.patientId()));
        return ids.size();
    }

    private static Intensity intensity(Dataset ds) {
        return intensity(ds.samples().stream().map(Sample::image).toList());
    }

    /** Statistics over every pixel value of {@code images} (NaN when there are none). */
    static Intensity intensity(List<ImageTensor> images) {
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ImageTensor image : images) {
            for (float v : image.data()) {
                sum += v;
                sumSq += (double) v * v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            n += image.data().length;
        }
        if (n == 0) {
            return new Intensity(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        return new Intensity(mean, Math.sqrt(Math.max(0, sumSq / n - mean * mean)), min, max);
    }

    /** The summary as lines of text for a terminal. */
    @Override
    public List<String> toLines() {
        List<String> lines = new ArrayList<>();
        lines.add("dataset: " + name + " (" + source + ")");
        lines.add("task: " + task + ", classes: " + classNames + ", channels: " + channels);
        lines.add("samples: " + samples + ", patients: " + patients);
        splits.forEach((split, c) -> lines.add("  " + split + ": " + c.samples() + " samples, " + c.patients()
                + " patients, per class " + c.perClass()));
        lines.add("image size: " + minHeight + "-" + maxHeight + " x " + minWidth + "-" + maxWidth + " (HxW)");
        lines.add(String.format(java.util.Locale.ROOT, "intensity: mean %.4f, std %.4f, min %.4f, max %.4f",
                intensity.mean(), intensity.std(), intensity.min(), intensity.max()));
        lines.add("masks: " + withMask + ", with boxes: " + withBoxes);
        lines.add("quality control: " + qc.flagged() + " of " + samples + " images flagged"
                + (qc.flagged() == 0 ? "" : " " + qc.byCheck()) + " (details: attndx data qc)");
        lines.add("fingerprint: " + fingerprint);
        lines.add("skipped rows: " + skipped.size());
        skipped.forEach(s -> lines.add("  " + s.where() + ": " + s.reason()));
        return lines;
    }
}
