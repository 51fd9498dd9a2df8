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
        checkSegmentation(spec, train);
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

    private static void checkSegmentation(RunSpec spec, TrainingData train) {
        boolean head = spec.model().segmentationHead();
        double lambda = spec.train().loss().lambdaSegmentation();
        if (lambda > 0 && !head) {
            throw new AttndxException("loss.lambdaSegmentation is " + lambda + " but the model has no segmentation"
                    + " head (model.segmentationHead false): the term would never be computed");
        }
        if (head && lambda == 0) {
            throw new AttndxException("the model has a segmentation head but loss.lambdaSegmentation is 0: the head"
                    + " would never be trained (give --lambda-seg > 0)");
        }
        if (lambda > 0 && !train.hasMasks()) {
            throw new AttndxException("--lambda-seg " + lambda + " needs lesion masks, but no image of the training"
                    + " split of " + train.info().name() + " has one (manifest column mask_path)");
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
