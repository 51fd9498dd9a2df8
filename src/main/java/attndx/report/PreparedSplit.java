package attndx.report;

import attndx.data.Dataset;
import attndx.data.ImageTensor;
import attndx.data.Preprocessor;
import attndx.data.Sample;
import attndx.data.SyntheticShift;
import attndx.data.TaskType;
import attndx.model.DiagnosisModel;
import attndx.kernels.InferenceKernels;
import attndx.kernels.ModelRunner;
import java.util.List;
import java.util.Random;

/**
 * One split ready for inference: images through the model's geometric preprocessing (kept on the
 * [0,1] scale so synthetic shifts can be applied), labels and patient ids.
 */
final class PreparedSplit {
    private static final int BATCH = 64;
    private final List<Sample> samples;
    private final Preprocessor preprocessor;
    private final TaskType task;
    private final int numClasses;

    PreparedSplit(Dataset split, Preprocessor preprocessor) {
        this.preprocessor = preprocessor;
        this.samples = split.samples().stream().map(preprocessor::geometry).toList();
        this.task = split.info().task();
        this.numClasses = split.info().numClasses();
    }

    int size() {
        return samples.size();
    }

    /**
     * The model's raw logits and, when {@code withFeatures}, its pooled features for every image, with its
     * backbone on {@code kernels}, optionally after a synthetic shift of the given strength.
     */
    Outputs run(DiagnosisModel model, InferenceKernels kernels, SyntheticShift shift, double strength, long seed,
            boolean withFeatures) {
        Random rng = new Random(seed);
        float[][] images = new float[samples.size()][];
        for (int i = 0; i < images.length; i++) {
            ImageTensor img = samples.get(i).image();
            if (shift != null) {
                img = shift.apply(img, strength, rng);
            }
            images[i] = preprocessor.normalise(img).data();
        }
        ImageTensor first = samples.get(0).image();
        try (ModelRunner runner = new ModelRunner(model, BATCH, kernels)) {
            if (withFeatures) {
                ModelRunner.LogitsAndFeatures lf = runner.logitsAndFeatures(images, first.channels(), first.height(),
                        first.width());
                return new Outputs(images, lf.logits(), lf.features());
            }
            return new Outputs(images, runner.predict(images, first.channels(), first.height(), first.width()).logits(),
                    null);
        }
    }

    /** Raw logits and optional features of one pass over the split, with the normalised images used. */
    record Outputs(float[][] images, float[][] logits, float[][] features) {}

    /** {channels, height, width} of the prepared images. */
    int[] imageShape() {
        ImageTensor first = samples.get(0).image();
        return new int[] {first.channels(), first.height(), first.width()};
    }

    int[] labels() {
        return task == TaskType.MULTILABEL ? null : samples.stream().mapToInt(s -> s.label().index()).toArray();
    }

    boolean[][] multiHot() {
        if (task != TaskType.MULTILABEL) {
            return null;
        }
        boolean[][] out = new boolean[samples.size()][numClasses];
        for (int i = 0; i < out.length; i++) {
            for (int p : samples.get(i).label().positives()) {
                out[i][p] = true;
            }
        }
        return out;
    }

    /** Each image's lesion mask after the geometric preprocessing, null where the sample has none. */
    float[][] masks() {
        return samples.stream().map(Sample::mask).toArray(float[][]::new);
    }

    String[] patientIds() {
        return samples.stream().map(Sample::patientId).toArray(String[]::new);
    }
}
