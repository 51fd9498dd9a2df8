package attndx.data;

import attndx.core.AttndxException;

/**
 * Fractions of patients assigned to train, validation and test (seed section 3.3).
 *
 * @param train fraction for training, in [0,1]
 * @param val fraction for validation, in [0,1]
 * @param test fraction for test, in [0,1]; the three sum to 1 (within 1e-6)
 */
public record SplitRatios(double train, double val, double test) {

    public SplitRatios {
        check("train", train);
        check("val", val);
        check("test", test);
        double sum = train + val + test;
        if (Math.abs(sum - 1.0) > 1e-6) {
            throw new IllegalArgumentException("split ratios train+val+test must sum to 1, got " + train + "+" + val
                    + "+" + test + "=" + sum);
        }
    }

    private static void check(String field, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("split ratio " + field + " must be in [0,1], got " + v);
        }
    }

    /** 70 % train, 15 % validation, 15 % test. */
    public static SplitRatios defaults() {
        return new SplitRatios(0.7, 0.15, 0.15);
    }

    /** Parses "train,val,test", e.g. "0.7,0.15,0.15". */
    public static SplitRatios parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new AttndxException("ratios must be three numbers train,val,test (e.g. 0.7,0.15,0.15), got '"
                    + text + "'");
        }
        try {
            return new SplitRatios(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                    Double.parseDouble(parts[2].trim()));
        } catch (NumberFormatException e) {
            throw new AttndxException("ratios must be numbers train,val,test, got '" + text + "'", e);
        }
    }

    /** The ratio of a split name ("train", "val" or "test"). */
    public double of(String split) {
        return switch (split) {
            case Splits.TRAIN -> train;
            case Splits.VAL -> val;
            case Splits.TEST -> test;
            default -> throw new IllegalArgumentException("unknown split '" + split + "', expected train, val or test");
        };
    }
}
