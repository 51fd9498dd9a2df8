package attndx.report;

import attndx.core.AttndxException;
import attndx.data.Dataset;
import attndx.data.DatasetFingerprint;
import attndx.data.DatasetLoader;
import attndx.data.InMemoryDataset;
import attndx.data.LoadOptions;
import attndx.data.Phantom;
import attndx.data.QcConfig;
import attndx.data.QcPolicy;
import attndx.data.QcScreen;
import attndx.data.Sample;
import attndx.data.Splits;
import attndx.data.Splitter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An experiment's data with every sample's split set: the dataset at {@code data.path} (or the phantom benchmark
 * generated from {@code data.phantom}), split by the {@code data.split} policy. The same split serves every variant
 * and seed, so the rows of a table are measured on the same test patients. Quality control screens every image
 * before the split ({@code data.qc}: flag, or exclude the flagged images).
 *
 * @param dataset all samples, splits assigned
 * @param source where the data came from (the path, or "phantom")
 * @param fingerprint the fingerprint of the whole split dataset
 * @param qc what the quality-control screen found and did
 */
record ExperimentData(Dataset dataset, String source, String fingerprint, ExperimentResults.Qc qc) {

    /** Loads and splits the data of {@code c}. */
    static ExperimentData load(ExperimentConfig c) {
        ExperimentConfig.Data d = c.data();
        Dataset raw;
        String source;
        if (d.path() != null) {
            LoadOptions options = new LoadOptions(d.name(), d.task(), d.classes(), false, null);
            raw = DatasetLoader.load(Path.of(d.path()), options).dataset();
            source = d.path();
        } else if (d.phantom() != null) {
            raw = Phantom.generate(d.phantom().toConfig());
            source = "phantom";
        } else {
            throw new AttndxException("data.path is null and data.phantom is not given: name a dataset (data.path or"
                    + " --data) or a phantom");
        }
        QcScreen.Result screened = QcScreen.apply(raw, QcConfig.defaults(),
                QcPolicy.valueOf(d.qc().toUpperCase(Locale.ROOT)));
        Dataset split = split(screened.dataset(), d);
        for (String s : List.of(Splits.TRAIN, c.calibration().split(), c.evaluation().split())) {
            if (split.split(s).size() == 0) {
                throw new AttndxException("split '" + s + "' of " + source + " is empty after data.split = "
                        + d.split() + " (counts: train " + split.split(Splits.TRAIN).size() + ", val "
                        + split.split(Splits.VAL).size() + ", test " + split.split(Splits.TEST).size() + ")");
            }
        }
        ExperimentResults.Qc qc = new ExperimentResults.Qc(d.qc(), screened.checked(), screened.flagged(),
                screened.excluded(), screened.byCheck());
        return new ExperimentData(split, source, DatasetFingerprint.of(split), qc);
    }

    private static Dataset split(Dataset raw, ExperimentConfig.Data d) {
        boolean allGiven = raw.samples().stream().allMatch(s -> s.split() != null);
        boolean complete = allGiven && List.of(Splits.TRAIN, Splits.VAL, Splits.TEST).stream()
                .allMatch(s -> raw.split(s).size() > 0);
        boolean keep = d.split().equals("given") || (d.split().equals("auto") && complete);
        if (keep) {
            // samples without a split of their own are assigned by the ratios; explicit ones are kept
            return new Splitter(d.splitRatios(), d.splitSeed()).assign(raw);
        }
        List<Sample> cleared = raw.samples().stream().map(s -> s.withSplit(null)).toList();
        return new Splitter(d.splitRatios(), d.splitSeed()).assign(new InMemoryDataset(raw.info(), cleared));
    }
}
