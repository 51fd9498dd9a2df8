package attndx.data;

import attndx.core.AttndxException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link Dataset} as an AttnDx dataset folder (the manifest format): PNG images under
 * {@code images/}, PNG masks under {@code masks/}, {@code manifest.csv} with path, label (or
 * label_&lt;name&gt; columns), patient_id and, when any sample has them, mask_path, bbox and split;
 * and {@code dataset.json} with name, task and class names. {@link ManifestLoader} reads it back.
 */
public final class ManifestWriter {
    private ManifestWriter() {}

    /**
     * Writes {@code dataset} into {@code folder} (created; must be empty if it exists).
     *
     * @param bits 8 or 16 bits per image sample (masks are always 8-bit 0/255)
     */
    public static void write(Dataset dataset, Path folder, int bits) {
        if (bits != 8 && bits != 16) {
            throw new IllegalArgumentException("bits must be 8 or 16, got " + bits);
        }
        prepare(folder);
        DatasetInfo info = dataset.info();
        List<Sample> samples = dataset.samples();
        boolean masks = samples.stream().anyMatch(Sample::hasMask);
        boolean boxes = samples.stream().anyMatch(s -> !s.boxes().isEmpty());
        boolean splits = samples.stream().anyMatch(s -> s.split() != null);
        Path manifest = folder.resolve(ManifestLoader.MANIFEST);
        try (Writer out = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(header(info, masks, boxes, splits));
            for (int i = 0; i < samples.size(); i++) {
                csv.printRecord(writeSample(samples.get(i), i, info, folder, bits, masks, boxes, splits));
            }
        } catch (IOException e) {
            throw new AttndxException("cannot write " + manifest + ": " + e.getMessage(), e);
        }
        DatasetJson.of(info).write(folder);
    }

    /** Writes the sample's image (and mask) files and returns its manifest row. */
    private static List<String> writeSample(Sample s, int index, DatasetInfo info, Path folder, int bits,
            boolean masks, boolean boxes, boolean splits) throws IOException {
        String stem = String.format("%06d_%s", index, safeName(s.id()));
        String image = "images/" + stem + ".png";
        PngWriter.write(s.image(), bits, folder.resolve(image));
        List<String> row = new ArrayList<>();
        row.add(image);
        row.addAll(labelCells(info, s.label()));
        row.add(s.patientId());
        if (masks) {
            String mask = s.hasMask() ? "masks/" + stem + ".png" : "";
            if (s.hasMask()) {
                Files.createDirectories(folder.resolve("masks"));
                PngWriter.writeMask(s.mask(), s.image().height(), s.image().width(), folder.resolve(mask));
            }
            row.add(mask);
        }
        if (boxes) {
            row.add(BoxCodec.format(s.boxes()));
        }
        if (splits) {
            row.add(s.split() == null ? "" : s.split());
        }
        return row;
    }

    private static void prepare(Path folder) {
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> s = Files.list(folder)) {
                    if (s.findAny().isPresent()) {
                        throw new AttndxException("output folder " + folder + " is not empty; choose a new folder");
                    }
                }
            }
            Files.createDirectories(folder.resolve("images"));
        } catch (IOException e) {
            throw new AttndxException("cannot create " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<String> header(DatasetInfo info, boolean masks, boolean boxes, boolean splits) {
        List<String> h = new ArrayList<>();
        h.add(ManifestSchema.PATH);
        if (info.task() == TaskType.MULTILABEL) {
            info.classNames().forEach(n -> h.add(ManifestSchema.LABEL_PREFIX + n));
        } else {
            h.add(ManifestSchema.LABEL);
        }
        h.add(ManifestSchema.PATIENT);
        if (masks) {
            h.add(ManifestSchema.MASK);
        }
        if (boxes) {
            h.add(ManifestSchema.BBOX);
        }
        if (splits) {
            h.add(ManifestSchema.SPLIT);
        }
        return h;
    }

    private static List<String> labelCells(DatasetInfo info, Label label) {
        if (info.task() != TaskType.MULTILABEL) {
            return List.of(info.classNames().get(label.index()));
        }
        float[] hot = label.multiHot(info.numClasses());
        List<String> cells = new ArrayList<>();
        for (float v : hot) {
            cells.add(v > 0 ? "1" : "0");
        }
        return cells;
    }

    /** An id as a portable file-name part: its last path element without extension, unsafe characters replaced. */
    static String safeName(String id) {
        String last = id.substring(Math.max(id.lastIndexOf('/'), id.lastIndexOf('\\')) + 1);
        int dot = last.lastIndexOf('.');
        String base = dot > 0 ? last.substring(0, dot) : last;
        return base.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
