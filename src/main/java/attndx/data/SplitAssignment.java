package attndx.data;

import attndx.core.AttndxException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The split of every sample, as produced by {@link Splitter}. Written as CSV with the header
 * {@code id,patient_id,split} (one row per sample, in dataset order).
 *
 * @param entries one entry per sample
 */
public record SplitAssignment(List<Entry> entries) {
    /** The file a training run writes its split to, in the run directory (evaluation reads it back). */
    public static final String RUN_FILE = "splits.csv";

    /**
     * One sample's split.
     *
     * @param id sample id
     * @param patientId patient id
     * @param split train, val or test
     * @param label the sample's class name(s), used for the counts
     */
    public record Entry(String id, String patientId, String split, String label) {}

    public SplitAssignment {
        entries = List.copyOf(entries);
    }

    /** The splits the samples of {@code dataset} already carry (every sample must have one). */
    public static SplitAssignment of(Dataset dataset) {
        List<Entry> out = new ArrayList<>(dataset.size());
        for (Sample s : dataset.samples()) {
            if (s.split() == null) {
                throw new AttndxException("sample " + s.id() + " (" + s.source() + ") has no split");
            }
            out.add(new Entry(s.id(), s.patientId(), s.split(), Splitter.labelName(s.label(), dataset.info())));
        }
        return new SplitAssignment(out);
    }

    /** The dataset with each sample's split set from this assignment (ids must match). */
    public Dataset apply(Dataset dataset) {
        Map<String, String> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.id(), e.split()));
        List<Sample> out = new ArrayList<>(dataset.size());
        for (Sample s : dataset.samples()) {
            String split = byId.get(s.id());
            if (split == null) {
                throw new AttndxException("split assignment has no entry for sample id " + s.id());
            }
            out.add(s.withSplit(split));
        }
        Splitter.checkNoLeakage(out);
        return new InMemoryDataset(dataset.info(), out);
    }

    /** Sample counts per split (train, val, test order) and per label (sorted). */
    public Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        Splits.ALL.forEach(s -> out.put(s, new TreeMap<>()));
        entries.forEach(e -> out.get(e.split()).merge(e.label(), 1, Integer::sum));
        return out;
    }

    /** Reads a CSV written by {@link #writeCsv}; a malformed file is a user error naming file and row. */
    public static SplitAssignment readCsv(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AttndxException("split assignment file not found: " + file);
        }
        List<Entry> out = new ArrayList<>();
        try (java.io.Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                org.apache.commons.csv.CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                        .get().parse(r)) {
            for (String col : List.of("id", "patient_id", "split")) {
                if (!csv.getHeaderMap().containsKey(col)) {
                    throw new AttndxException(file + ": missing column '" + col + "' (expected id,patient_id,split)");
                }
            }
            for (org.apache.commons.csv.CSVRecord rec : csv) {
                String split = rec.get("split");
                Splits.requireValid(split, file + " row " + rec.getRecordNumber());
                out.add(new Entry(rec.get("id"), rec.get("patient_id"), split, ""));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new AttndxException("cannot read split assignment " + file + ": " + e.getMessage(), e);
        }
        return new SplitAssignment(out);
    }

    /** Writes the CSV {@code id,patient_id,split}, creating parent folders. */
    public void writeCsv(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                            .setHeader("id", "patient_id", "split").get())) {
                for (Entry e : entries) {
                    csv.printRecord(e.id(), e.patientId(), e.split());
                }
            }
        } catch (IOException e) {
            throw new AttndxException("cannot write split assignment " + file + ": " + e.getMessage(), e);
        }
    }
}
