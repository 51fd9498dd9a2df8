package attndx.data;

import java.util.HashSet;
import java.util.List;

/**
 * How {@link DatasetLoader} reads a dataset. Every field is optional (null / false = decide from
 * the data), so {@link #defaults()} reads any supported input.
 *
 * @param name dataset name (null: the file or folder name)
 * @param task declared task (null: inferred; a declared task that contradicts the data is an error)
 * @param classNames class names by index (null: from dataset.json, the manifest or "0","1",... for
 *        MedMNIST, whose files carry no names)
 * @param skipBadRows skip a bad row/sample and report it in the {@link LoadReport} instead of failing
 * @param constantLabel for a DICOM folder without a manifest.csv: the class name given to every
 *        image (the only way to label such a folder); ignored elsewhere
 */
public record LoadOptions(String name, TaskType task, List<String> classNames, boolean skipBadRows,
        String constantLabel) {

    public LoadOptions {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("loadOptions.name must not be blank when given");
        }
        if (classNames != null) {
            classNames = List.copyOf(classNames);
            if (classNames.isEmpty() || new HashSet<>(classNames).size() != classNames.size()
                    || classNames.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("loadOptions.classNames must be distinct non-blank names, got "
                        + classNames);
            }
            if (task == TaskType.BINARY && classNames.size() != 2) {
                throw new IllegalArgumentException("loadOptions.classNames must have 2 names for a BINARY task, got "
                        + classNames);
            }
        }
        if (constantLabel != null && constantLabel.isBlank()) {
            throw new IllegalArgumentException("loadOptions.constantLabel must not be blank when given");
        }
    }

    /** Infer everything, fail on the first bad row. */
    public static LoadOptions defaults() {
        return new LoadOptions(null, null, null, false, null);
    }

    /** A copy with {@code skipBadRows} set. */
    public LoadOptions withSkipBadRows(boolean skip) {
        return new LoadOptions(name, task, classNames, skip, constantLabel);
    }

    /** A copy with the given task and class names. */
    public LoadOptions withClasses(TaskType newTask, List<String> names) {
        return new LoadOptions(name, newTask, names, skipBadRows, constantLabel);
    }

    /** A copy with the constant label for unlabelled DICOM folders. */
    public LoadOptions withConstantLabel(String label) {
        return new LoadOptions(name, task, classNames, skipBadRows, label);
    }
}
