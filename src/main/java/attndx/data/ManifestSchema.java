package attndx.data;

import attndx.core.AttndxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVRecord;

/**
 * The columns of a {@code manifest.csv} and the dataset description they imply (the rules of the
 * manifest format): class names and task from the load options, else dataset.json, else the data
 * (sorted distinct {@code label} values, or the {@code label_<name>} columns in header order). Inferred
 * single-label classes put the one label that names no finding ({@link #NO_FINDING}: normal, healthy, no finding,
 * negative, benign) first, since class 0 is "no finding" for triage, attention mining and the shortcut marker; a
 * sorted order would have made "lesion" class 0 beside "normal".
 *
 * @param labelColumns the multi-label columns in header order (empty for single-label manifests)
 * @param hasMask whether a {@code mask_path} column exists
 * @param hasBbox whether a {@code bbox} column exists
 * @param hasSplit whether a {@code split} column exists
 */
record ManifestSchema(List<String> labelColumns, boolean hasMask, boolean hasBbox, boolean hasSplit) {
    static final String PATH = "path";
    static final String LABEL = "label";
    static final String LABEL_PREFIX = "label_";
    static final String PATIENT = "patient_id";
    static final String MASK = "mask_path";
    static final String BBOX = "bbox";
    static final String SPLIT = "split";
    /** Labels read as "no finding", compared in lower case with spaces, hyphens and underscores removed. */
    static final Set<String> NO_FINDING = Set.of("normal", "healthy", "nofinding", "negative", "benign");

    /** Checks the header of {@code manifest}. */
    static ManifestSchema of(List<String> header, Path manifest) {
        for (String required : List.of(PATH, PATIENT)) {
            if (!header.contains(required)) {
                throw new AttndxException(manifest + " lacks the required column '" + required + "'; header is " + header);
            }
        }
        List<String> labelColumns = header.stream().filter(h -> h.startsWith(LABEL_PREFIX)).toList();
        boolean single = header.contains(LABEL);
        if (single == !labelColumns.isEmpty()) {
            throw new AttndxException(manifest + " needs either a 'label' column or 'label_<name>' columns (not both);"
                    + " header is " + header);
        }
        return new ManifestSchema(labelColumns, header.contains(MASK), header.contains(BBOX), header.contains(SPLIT));
    }

    boolean multiLabel() {
        return !labelColumns.isEmpty();
    }

    /** The dataset description for these rows. */
    DatasetInfo info(List<CSVRecord> rows, DatasetJson json, LoadOptions options, Path folder, int channels) {
        List<String> names = options.classNames() != null ? options.classNames()
                : json != null ? json.classNames() : inferredNames(rows);
        String name = options.name() != null ? options.name()
                : json != null && json.name() != null ? json.name() : folder.toAbsolutePath().normalize()
                        .getFileName().toString();
        TaskType task = options.task() != null ? options.task()
                : json != null ? json.task()
                : multiLabel() ? TaskType.MULTILABEL : names.size() == 2 ? TaskType.BINARY : TaskType.MULTICLASS;
        if ((task == TaskType.MULTILABEL) != multiLabel()) {
            throw new AttndxException("task " + task + " does not fit " + folder.resolve("manifest.csv")
                    + ": it has " + (multiLabel() ? "label_<name> columns" : "a single 'label' column"));
        }
        if (!multiLabel() && options.classNames() != null) {
            checkNamesUsed(names, rows, folder);
        }
        if (multiLabel() && names.size() != labelColumns.size()) {
            throw new AttndxException("class names " + names + " do not match the " + labelColumns.size()
                    + " label columns " + labelColumns + " of " + folder.resolve("manifest.csv"));
        }
        if (task == TaskType.BINARY && names.size() != 2) {
            throw new AttndxException("a BINARY task needs 2 classes, " + folder.resolve("manifest.csv")
                    + " gives " + names);
        }
        return new DatasetInfo(name, task, names, channels, folder.toString());
    }

    /**
     * Class names given by the user must be the labels found: a name no row uses would give the model an
     * output no image teaches. A binary task may lack one class (e.g. a subset of normal studies).
     */
    private static void checkNamesUsed(List<String> names, List<CSVRecord> rows, Path folder) {
        TreeSet<String> used = new TreeSet<>();
        for (CSVRecord r : rows) {
            if (r.isSet(LABEL) && !r.get(LABEL).isBlank()) {
                used.add(r.get(LABEL).trim());
            }
        }
        List<String> unused = names.stream().filter(n -> !used.contains(n)).toList();
        if (names.size() > Math.max(2, names.size() - unused.size())) {
            throw new AttndxException(names.size() + " class names " + names + " given, but the 'label' column of "
                    + folder.resolve("manifest.csv") + " uses only " + used + "; no row has class " + unused);
        }
    }

    private List<String> inferredNames(List<CSVRecord> rows) {
        if (multiLabel()) {
            return labelColumns.stream().map(c -> c.substring(LABEL_PREFIX.length())).toList();
        }
        TreeSet<String> distinct = new TreeSet<>();
        for (CSVRecord r : rows) {
            if (r.isSet(LABEL) && !r.get(LABEL).isBlank()) {
                distinct.add(r.get(LABEL).trim());
            }
        }
        if (distinct.isEmpty()) {
            throw new AttndxException("no labels found in the 'label' column");
        }
        List<String> names = new ArrayList<>(distinct);
        List<String> normal = names.stream().filter(ManifestSchema::namesNoFinding).toList();
        if (normal.size() == 1) {
            names.remove(normal.get(0));
            names.add(0, normal.get(0));
        }
        return names;
    }

    private static boolean namesNoFinding(String label) {
        return NO_FINDING.contains(label.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", ""));
    }
}
