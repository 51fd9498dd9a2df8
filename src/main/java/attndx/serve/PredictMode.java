package attndx.serve;

/** The two deployment patterns of seed section 3.1. */
public enum PredictMode {
    /** A worklist sorted by priority, the studies at or above the operating point flagged for expedited review. */
    TRIAGE,
    /** Every study in input order, with its probability and explanation, after the reader's own interpretation. */
    SECOND_READ
}
