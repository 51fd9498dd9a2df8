package attndx.data;

/** What a command does with the images quality control flags (seed section 7.8). */
public enum QcPolicy {
    /** Keep every image and report how many each check flagged (the default). */
    FLAG,
    /** Leave the flagged images out of the command's data and report how many each check excluded. */
    EXCLUDE
}
