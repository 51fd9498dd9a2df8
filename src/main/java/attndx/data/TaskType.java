package attndx.data;

/** What a label means: one of two classes, one of K classes, or any subset of K labels. */
public enum TaskType {
    /** Two mutually exclusive classes (index 1 is the positive finding). */
    BINARY,
    /** K mutually exclusive classes. */
    MULTICLASS,
    /** K independent labels, each present or absent. */
    MULTILABEL
}
