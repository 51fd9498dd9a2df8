package attndx.data;

import attndx.core.AttndxException;
import java.util.List;

/** The split names a sample may carry, and their validation. */
public final class Splits {
    /** Training split. */
    public static final String TRAIN = "train";
    /** Validation split. */
    public static final String VAL = "val";
    /** Test split. */
    public static final String TEST = "test";
    /** All split names, in order. */
    public static final List<String> ALL = List.of(TRAIN, VAL, TEST);

    private Splits() {}

    /** Throws a user error naming {@code where} when {@code split} is not null and not a known split name. */
    public static void requireValid(String split, String where) {
        if (split != null && !ALL.contains(split)) {
            throw new AttndxException(where + ": split '" + split + "' is not one of " + ALL);
        }
    }
}
