package attndx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import attndx.core.AttndxException;
import attndx.data.Dataset;
import attndx.data.DatasetInfo;
import attndx.data.ImageTensor;
import attndx.data.Preprocessor;
import attndx.data.Sample;
import attndx.data.TaskType;

/**
 * A dataset made ready for batching: every image run once through the geometric preprocessing
 * steps and packed, with labels and masks, into flat Java arrays. Batches are then one bulk copy
 * each into arrays owned by the batch's manager (STYLE rule 7), so data handling never competes
 * with the engine.
 */
public final class TrainingData {
    private final DatasetInfo info;
    private final int size;
    private final int channels;
    private final int height;
    private final int width;
    private final float[] images;
    private final float[] targets;
    private final float[] masks;
    private final float[] maskPresent;
    private final int[] classIndex;
    private final String[] patientIds;

    /** Preprocesses (geometry only) and packs {@code dataset}; all images must end up the same size. */
    public TrainingData(Dataset dataset, Preprocessor preprocessor) {
        this.info = dataset.info();
        this.size = dataset.size();
        if (size == 0) {
            throw new AttndxException("dataset " + info.name() + " (" + info.source() + ") has no samples");
        }
        Sample first = preprocessor.geometry(dataset.get(0));
        this.channels = first.image().channels();
        this.height = first.image().height();
        this.width = first.image().width();
        int plane = height * width;
        this.images = new float[Math.multiplyExact(size, channels * plane)];
        int k = info.numClasses();
        boolean multi = info.task() == TaskType.MULTILABEL;
        this.targets = new float[multi ? size * k : size];
        this.classIndex = multi ? null : new int[size];
        this.masks = new float[size * plane];
        this.maskPresent = new float[size];
        this.patientIds = new String[size];
        for (int i = 0; i < size; i++) {
            Sample s = i == 0 ? first : preprocessor.geometry(dataset.get(i));
            ImageTensor img = s.image();
            if (img.channels() != channels || img.height() != height || img.width() != width) {
                throw new AttndxException("sample " + s.id() + " (" + s.source() + ") is " + img.channels() + "x"
                        + img.height() + "x" + img.width() + " after preprocessing, expected " + channels + "x"
                        + height + "x" + width + ": set a preprocessing size to train on images of mixed sizes");
            }
            System.arraycopy(img.data(), 0, images, i * channels * plane, channels * plane);
            if (multi) {
                System.arraycopy(s.label().multiHot(k), 0, targets, i * k, k);
            } else {
                int c = s.label().index();
                if (c >= k) {
                    throw new AttndxException("sample " + s.id() + " (" + s.source() + ") has label " + c
                            + ", outside the " + k + " declared classes " + info.classNames());
                }
                classIndex[i] = c;
                targets[i] = c;
            }
            if (s.hasMask()) {
                System.arraycopy(s.mask(), 0, masks, i * plane, plane);
                maskPresent[i] = 1f;
            }
            patientIds[i] = s.patientId();
        }
    }

    /** Dataset info (task, classes). */
    public DatasetInfo info() {
        return info;
    }

    /** Number of samples. */
    public int size() {
        return size;
    }

    /** Image shape after preprocessing: {channels, height, width}. */
    public int[] imageShape() {
        return new int[] {channels, height, width};
    }

    /** Images of the given samples, B x C x H x W on the [0,1] scale, owned by {@code m}. */
    public NDArray images(NDManager m, int[] idx) {
        int n = channels * height * width;
        return m.create(gather(images, idx, n), new Shape(idx.length, channels, height, width));
    }

    /** Targets: class indices (B, float) or multi-hot (B x K) for multi-label tasks. */
    public NDArray targets(NDManager m, int[] idx) {
        if (info.task() == TaskType.MULTILABEL) {
            int k = info.numClasses();
            return m.create(gather(targets, idx, k), new Shape(idx.length, k));
        }
        return m.create(gather(targets, idx, 1), new Shape(idx.length));
    }

    /** Masks (B x 1 x H x W; zeros where absent). */
    public NDArray masks(NDManager m, int[] idx) {
        return m.create(gather(masks, idx, height * width), new Shape(idx.length, 1, height, width));
    }

    /** 1 for samples with a mask, else 0 (B). */
    public NDArray maskPresent(NDManager m, int[] idx) {
        return m.create(gather(maskPresent, idx, 1), new Shape(idx.length));
    }

    /** Whether any sample has a mask. */
    public boolean hasMasks() {
        for (float p : maskPresent) {
            if (p > 0) {
                return true;
            }
        }
        return false;
    }

    /** Class index per sample (single-label tasks only). */
    public int[] classIndices() {
        if (classIndex == null) {
            throw new IllegalStateException("multi-label data has no single class index");
        }
        return classIndex.clone();
    }

    /** Multi-hot rows (multi-label tasks only). */
    public boolean[][] multiHot() {
        int k = info.numClasses();
        boolean[][] out = new boolean[size][k];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < k; j++) {
                out[i][j] = targets[i * k + j] > 0.5f;
            }
        }
        return out;
    }

    /** Per-class (or per-label) positive counts, for class re-weighting. */
    public long[] classCounts() {
        int k = info.numClasses();
        long[] counts = new long[k];
        if (classIndex != null) {
            for (int c : classIndex) {
                counts[c]++;
            }
        } else {
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < k; j++) {
                    counts[j] += targets[i * k + j] > 0.5f ? 1 : 0;
                }
            }
        }
        return counts;
    }

    /** Every image with the preprocessing's normalisation applied (for inference), one C*H*W array each. */
    public float[][] normalisedImages(Preprocessor preprocessor) {
        int n = channels * height * width;
        float[][] out = new float[size][];
        for (int i = 0; i < size; i++) {
            float[] img = java.util.Arrays.copyOfRange(images, i * n, (i + 1) * n);
            out[i] = preprocessor.normalise(new ImageTensor(channels, height, width, img)).data();
        }
        return out;
    }

    /** Patient id per sample. */
    public String[] patientIds() {
        return patientIds.clone();
    }

    private static float[] gather(float[] src, int[] idx, int stride) {
        float[] out = new float[idx.length * stride];
        for (int b = 0; b < idx.length; b++) {
            System.arraycopy(src, idx[b] * stride, out, b * stride, stride);
        }
        return out;
    }
}
