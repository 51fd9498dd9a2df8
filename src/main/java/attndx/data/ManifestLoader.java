package attndx.data;

import attndx.core.AttndxException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads an image folder described by {@code manifest.csv} (and optionally {@code dataset.json}),
 * following the AttnDx manifest format: images (PNG/JPEG/TIFF, or DICOM through
 * {@link DicomReader}), labels, patient ids, optional masks, boxes and splits. Errors name the
 * manifest and the row ("row N" counts data rows from 1, the header not included). Sample ids
 * are the {@code path} cells. When grey and RGB images are mixed, grey ones are replicated to
 * three channels so the dataset has one channel count.
 */
public final class ManifestLoader {
    /** The manifest's file name inside a dataset folder. */
    public static final String MANIFEST = "manifest.csv";
    private static final Set<String> SPLITS = Set.of("train", "val", "test");

    private ManifestLoader() {}

    /** Loads the dataset folder {@code folder}. */
    public static LoadedDataset load(Path folder, LoadOptions options) {
        Path manifest = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new AttndxException("manifest not found: " + manifest);
        }
        List<CSVRecord> rows;
        ManifestSchema schema;
        try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true).get().parse(in)) {
            schema = ManifestSchema.of(parser.getHeaderNames(), manifest);
            rows = parser.getRecords();
        } catch (IOException | RuntimeException e) {
            if (e instanceof AttndxException ae) {
                throw ae;
            }
            throw new AttndxException("cannot parse " + manifest + " as CSV: " + e.getMessage(), e);
        }
        DatasetInfo provisional = schema.info(rows, DatasetJson.readIfPresent(folder), options, folder, 1);
        int[] columnClass = columnClasses(schema, provisional, manifest);
        BadRows bad = new BadRows(options.skipBadRows());
        List<Sample> samples = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String where = manifest + " row " + (i + 1);
            try {
                Sample s = row(rows.get(i), folder, schema, provisional, columnClass);
                if (!ids.add(s.id())) {
                    throw new AttndxException("duplicate path '" + s.id() + "'");
                }
                samples.add(s);
            } catch (AttndxException e) {
                bad.handle(where, e);
            }
        }
        int channels = samples.stream().mapToInt(s -> s.image().channels()).max().orElse(1);
        DatasetInfo info = new DatasetInfo(provisional.name(), provisional.task(), provisional.classNames(), channels,
                provisional.source());
        List<Sample> uniform = samples.stream().map(s -> toChannels(s, channels)).toList();
        return new LoadedDataset(new InMemoryDataset(info, uniform), bad.report());
    }

    /** For a multi-label manifest, the class index of each label_ column (in header order). */
    private static int[] columnClasses(ManifestSchema schema, DatasetInfo info, Path manifest) {
        int[] out = new int[schema.labelColumns().size()];
        for (int j = 0; j < out.length; j++) {
            String name = schema.labelColumns().get(j).substring(ManifestSchema.LABEL_PREFIX.length());
            out[j] = info.classNames().indexOf(name);
            if (out[j] < 0) {
                throw new AttndxException("column '" + schema.labelColumns().get(j) + "' of " + manifest
                        + " names no class of " + info.classNames());
            }
        }
        return out;
    }

    private static Sample row(CSVRecord r, Path folder, ManifestSchema schema, DatasetInfo info, int[] columnClass) {
        if (!r.isConsistent()) {
            throw new AttndxException("has " + r.size() + " cells, the header has " + r.getParser().getHeaderNames().size());
        }
        String path = required(r, ManifestSchema.PATH);
        String patient = required(r, ManifestSchema.PATIENT);
        Label label = schema.multiLabel() ? multiLabel(r, schema, columnClass) : singleLabel(r, info);
        Path file = folder.resolve(path);
        ImageTensor image = ImageFiles.read(file);
        float[] mask = null;
        if (schema.hasMask() && !r.get(ManifestSchema.MASK).isBlank()) {
            mask = ImageFiles.readMask(folder.resolve(r.get(ManifestSchema.MASK)), image.height(), image.width());
        }
        List<Box> boxes = schema.hasBbox() ? BoxCodec.parse(r.get(ManifestSchema.BBOX), image.width(), image.height())
                : List.of();
        String split = schema.hasSplit() && !r.get(ManifestSchema.SPLIT).isBlank() ? r.get(ManifestSchema.SPLIT) : null;
        if (split != null && !SPLITS.contains(split)) {
            throw new AttndxException("split '" + split + "' is not one of " + SPLITS);
        }
        return new Sample(path, image, label, patient, mask, boxes, file.toString(), split);
    }

    private static String required(CSVRecord r, String column) {
        String v = r.get(column);
        if (v == null || v.isBlank()) {
            throw new AttndxException("empty '" + column + "'");
        }
        return v.trim();
    }

    private static Label singleLabel(CSVRecord r, DatasetInfo info) {
        String name = required(r, ManifestSchema.LABEL);
        int index = info.classNames().indexOf(name);
        if (index < 0) {
            throw new AttndxException("unknown label '" + name + "', expected one of " + info.classNames());
        }
        return Label.of(index);
    }

    private static Label multiLabel(CSVRecord r, ManifestSchema schema, int[] columnClass) {
        List<Integer> positives = new ArrayList<>();
        for (int j = 0; j < columnClass.length; j++) {
            String column = schema.labelColumns().get(j);
            String v = r.get(column).trim();
            if (!v.equals("0") && !v.equals("1")) {
                throw new AttndxException("column '" + column + "' is '" + v + "', expected 0 or 1");
            }
            if (v.equals("1")) {
                positives.add(columnClass[j]);
            }
        }
        return new Label(positives.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A grey sample replicated to 3 channels when the dataset is RGB. */
    private static Sample toChannels(Sample s, int channels) {
        ImageTensor img = s.image();
        if (img.channels() == channels) {
            return s;
        }
        float[] rgb = new float[3 * img.pixels()];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(img.data(), 0, rgb, c * img.pixels(), img.pixels());
        }
        return s.withImage(new ImageTensor(3, img.height(), img.width(), rgb), s.mask(), s.boxes());
    }
}
