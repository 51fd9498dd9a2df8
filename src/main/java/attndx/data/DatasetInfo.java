package attndx.data;

import java.util.List;
import java.util.Objects;

/**
 * What a dataset holds: its task, class names and image channels.
 *
 * @param name short name (e.g. "pneumoniamnist")
 * @param task binary, multi-class or multi-label
 * @param classNames one name per class (binary: two names, index 1 the finding)
 * @param channels image channels (1 or 3)
 * @param source file or folder it was read from
 */
public record DatasetInfo(String name, TaskType task, List<String> classNames, int channels, String source) {
    public DatasetInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        classNames = List.copyOf(classNames);
        if (task == TaskType.BINARY && classNames.size() != 2) {
            throw new IllegalArgumentException("binary task needs 2 class names, got " + classNames);
        }
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("classNames must not be empty");
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
    }

    /** Number of classes (or labels). */
    public int numClasses() {
        return classNames.size();
    }
}
