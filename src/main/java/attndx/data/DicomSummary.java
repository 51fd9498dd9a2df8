package attndx.data;

import attndx.core.AttndxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code attndx data inspect} shows for DICOM files without labels (a .dcm file, or a folder of
 * them without manifest.csv, inspected without {@code --label}): file and patient counts, image sizes and
 * channels, pixel statistics of the windowed [0,1] images (as training would see them), the values of a
 * few header fields with how many files carry each, and the files that could not be read.
 *
 * @param source file or folder read
 * @param files files read
 * @param patients distinct Patient IDs (0010,0020; a file without one counts as its own patient)
 * @param channels distinct channel counts (1 grey-scale, 3 RGB)
 * @param minHeight smallest image height
 * @param maxHeight largest image height
 * @param minWidth smallest image width
 * @param maxWidth largest image width
 * @param intensity statistics of all pixel values after windowing
 * @param header per header field ("Modality (0008,0060)", ...), each value found and its file count
 *     ("(absent)" for files without the field)
 * @param skipped files left out (with {@code --skip-bad-rows}) and why
 */
public record DicomSummary(String source, int files, int patients, Set<Integer> channels, int minHeight,
        int maxHeight, int minWidth, int maxWidth, DatasetSummary.Intensity intensity,
        Map<String, Map<String, Integer>> header, List<LoadReport.Skipped> skipped) implements InspectionSummary {

    /** The header fields summarised, by tag. */
    static final Map<String, String> FIELDS = fields();

    private static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("0008,0060", "Modality");
        f.put("0018,0015", "Body Part Examined");
        f.put("0008,0070", "Manufacturer");
        f.put(DicomHeader.PHOTOMETRIC, "Photometric Interpretation");
        f.put("0028,0100", "Bits Allocated");
        f.put("0028,0101", "Bits Stored");
        f.put(DicomHeader.TRANSFER_SYNTAX, "Transfer Syntax UID");
        return f;
    }

    /** Reads every DICOM file of {@code path} (bad files fail, or are skipped with {@code skipBadRows}). */
    public static DicomSummary of(Path path, LoadOptions options) {
        BadRows bad = new BadRows(options.skipBadRows());
        List<ImageTensor> images = new ArrayList<>();
        Set<String> patients = new HashSet<>();
        Set<Integer> channels = new java.util.TreeSet<>();
        Map<String, Map<String, Integer>> header = new LinkedHashMap<>();
        FIELDS.forEach((tag, name) -> header.put(name + " (" + tag + ")", new TreeMap<>()));
        for (Path file : DicomFolderLoader.files(path)) {
            try {
                DicomReader.DicomImage d = DicomReader.read(file);
                images.add(d.image());
                channels.add(d.image().channels());
                patients.add(d.patientId() != null ? "id:" + d.patientId() : "file:" + file.getFileName());
                FIELDS.forEach((tag, name) -> {
                    String v = d.header().get(tag);
                    header.get(name + " (" + tag + ")").merge(v == null || v.isBlank() ? "(absent)" : v, 1,
                            Integer::sum);
                });
            } catch (AttndxException e) {
                bad.handle("DICOM file " + file.getFileName(), e);
            }
        }
        int[] size = sizes(images);
        return new DicomSummary(path.toString(), images.size(), patients.size(), channels, size[0], size[1], size[2],
                size[3], DatasetSummary.intensity(images), header, bad.report().skipped());
    }

    /** {minHeight, maxHeight, minWidth, maxWidth}; zeros when there are no images. */
    private static int[] sizes(List<ImageTensor> images) {
        if (images.isEmpty()) {
            return new int[4];
        }
        int[] s = {Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 0};
        for (ImageTensor img : images) {
            s[0] = Math.min(s[0], img.height());
            s[1] = Math.max(s[1], img.height());
            s[2] = Math.min(s[2], img.width());
            s[3] = Math.max(s[3], img.width());
        }
        return s;
    }

    @Override
    public List<String> toLines() {
        List<String> lines = new ArrayList<>();
        lines.add("DICOM: " + source + " (no labels: give --label NAME or a manifest.csv to train or evaluate on it)");
        lines.add("files: " + files + ", patients: " + patients + ", channels: " + channels);
        lines.add("image size: " + minHeight + "-" + maxHeight + " x " + minWidth + "-" + maxWidth + " (HxW)");
        lines.add(String.format(Locale.ROOT, "intensity (windowed, [0,1]): mean %.4f, std %.4f, min %.4f, max %.4f",
                intensity.mean(), intensity.std(), intensity.min(), intensity.max()));
        header.forEach((field, values) -> lines.add("  " + field + ": " + values));
        lines.add("skipped files: " + skipped.size());
        skipped.forEach(s -> lines.add("  " + s.where() + ": " + s.reason()));
        return lines;
    }
}
