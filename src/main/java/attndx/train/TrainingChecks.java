package attndx.train;

import attndx.core.AttndxException;
import attndx.data.TaskType;
import java.util.ArrayList;
import java.util.List;

/** Refuses training data that cannot produce a meaningful model, with a message saying why. */
final class TrainingChecks {
    private TrainingChecks() {}

    static void check(RunSpec spec, TrainingData train, TrainingData val) {
        if (!train.info().classNames().equals(spec.classNames()) || !val.info().classNames().equals(spec.classNames())) {
            throw new AttndxException("class names differ between the model " + spec.classNames() + ", the training split "
                    + train.info().classNames() + " and the validation split " + val.info().classNames());
        }
        if (train.size() < 2) {
            throw new AttndxException("the training split has " + train.size() + " image(s); at least 2 are needed");
        }
        long[] counts = train.classCounts();
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                missing.add(spec.classNames().get(k));
            }
        }
        if (train.info().task() != TaskType.MULTILABEL && counts.length - missing.size() < 2) {
            throw new AttndxException("the training split has a single class (" + nonEmpty(counts, spec.classNames())
                    + "): a classifier cannot learn from it; check the labels and the split");
        }
        if (!missing.isEmpty() && train.info().task() != TaskType.MULTILABEL && spec.train().loss().classReweighting()) {
            throw new AttndxException("class re-weighting needs every class in the training split; missing: " + missing);
        }
    }

    private static String nonEmpty(long[] counts, List<String> names) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                out.add(names.get(k) + "=" + counts[k]);
            }
        }
        return String.join(", ", out);
    }
}
