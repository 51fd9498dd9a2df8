package attndx.data;

import attndx.core.AttndxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a 2D MedMNIST {@code .npz} file: {@code <split>_images} (N,H,W) or (N,H,W,3) uint8 and
 * {@code <split>_labels} (N,1) class indices or (N,L) multi-hot, for any subset of the splits
 * train / val / test (the split is taken from the key prefix and set on each sample).
 *
 * <p>MedMNIST carries neither class names nor patient ids: class names come from
 * {@link LoadOptions#classNames()} or default to "0","1",...; every image is its own patient
 * (patient id = sample id), so patient-level splits of MedMNIST are image-level splits.
 */
public final class MedMnistLoader {
    /** The splits, in the order they are read. */
    static final List<String> SPLITS = List.of("train", "val", "test");

    private MedMnistLoader() {}

    /** Loads {@code file}. */
    public static LoadedDataset load(Path file, LoadOptions options) {
        Map<String, NpyArray> arrays = NpzReader.read(file);
        checkKeys(file, arrays);
        List<String> present = SPLITS.stream().filter(s -> arrays.containsKey(s + "_images")).toList();
        int labelWidth = -1;
        int channels = -1;
        for (String split : present) {
            NpyArray images = arrays.get(split + "_images");
            NpyArray labels = arrays.get(split + "_labels");
            int c = checkImages(file, images);
            int w = checkLabels(file, labels, images.shape()[0]);
            if (channels >= 0 && (c != channels || w != labelWidth)) {
                throw new AttndxException("splits of " + file + " disagree: " + split + " has " + c
                        + " channel(s) and label width " + w + ", an earlier split " + channels + " and " + labelWidth);
            }
            channels = c;
            labelWidth = w;
        }
        DatasetInfo info = info(file, options, arrays, present, labelWidth, channels);
        BadRows bad = new BadRows(options.skipBadRows());
        List<Sample> samples = new ArrayList<>();
        for (String split : present) {
            readSplit(file, split, arrays, info, bad, samples);
        }
        return new LoadedDataset(new InMemoryDataset(info, samples), bad.report());
    }

    private static void checkKeys(Path file, Map<String, NpyArray> arrays) {
        Set<String> allowed = Set.of("train_images", "train_labels", "val_images", "val_labels",
                "test_images", "test_labels");
        for (String key : arrays.keySet()) {
            if (!allowed.contains(key)) {
                throw new AttndxException("unexpected key '" + key + "' in " + file
                        + "; a MedMNIST file holds only <split>_images and <split>_labels for split train, val or test,"
                        + " found keys " + arrays.keySet());
            }
        }
        for (String split : SPLITS) {
            if (arrays.containsKey(split + "_images") != arrays.containsKey(split + "_labels")) {
                throw new AttndxException(file + " has only one of " + split + "_images and " + split
                        + "_labels; found keys " + arrays.keySet());
            }
        }
        if (arrays.isEmpty()) {
            throw new AttndxException(file + " holds no arrays; expected train_images/train_labels etc.");
        }
    }

    /** Validates an images array and returns its channel count. */
    private static int checkImages(Path file, NpyArray images) {
        if (!"uint8".equals(images.dtype())) {
            throw new AttndxException("key '" + images.key() + "' of " + file + " has dtype " + images.dtype()
                    + ", expected uint8");
        }
        long[] s = images.shape();
        boolean rgb = s.length == 4 && (s[3] == 3 || s[3] == 1);
        if (s.length != 3 && !rgb) {
            throw new AttndxException("key '" + images.key() + "' of " + file + " has shape " + images.shapeString()
                    + ", expected (N,H,W) or (N,H,W,3)");
        }
        return s.length == 3 ? 1 : (int) s[3];
    }

    /** Validates a labels array and returns its width (1 = class index, &gt; 1 = multi-hot). */
    private static int checkLabels(Path file, NpyArray labels, long n) {
        long[] s = labels.shape();
        if (!labels.isInteger()) {
            throw new AttndxException("key '" + labels.key() + "' of " + file + " has dtype " + labels.dtype()
                    + ", expected an integer type (uint8 as MedMNIST writes it)");
        }
        if (s.length < 1 || s.length > 2 || s[0] != n) {
            throw new AttndxException("key '" + labels.key() + "' of " + file + " has shape " + labels.shapeString()
                    + ", expected (" + n + ", L) to match the " + n + " images");
        }
        return s.length == 1 ? 1 : (int) s[1];
    }

    private static DatasetInfo info(Path file, LoadOptions options, Map<String, NpyArray> arrays,
            List<String> present, int labelWidth, int channels) {
        String name = options.name() != null ? options.name() : stem(file);
        if (labelWidth > 1) {
            List<String> names = options.classNames() != null ? options.classNames() : indexNames(labelWidth);
            if ((options.task() != null && options.task() != TaskType.MULTILABEL) || names.size() != labelWidth) {
                throw new AttndxException(file + " has multi-label labels of width " + labelWidth
                        + "; declared task " + options.task() + " with class names " + names + " does not fit");
            }
            return new DatasetInfo(name, TaskType.MULTILABEL, names, channels, file.toString());
        }
        if (options.task() == TaskType.MULTILABEL) {
            throw new AttndxException(file + " has single-column labels; it cannot be read as task MULTILABEL");
        }
        long max = 1;
        for (String split : present) {
            NpyArray labels = arrays.get(split + "_labels");
            for (int i = 0; i < labels.size(); i++) {
                max = Math.max(max, labels.longAt(i));
            }
        }
        if (options.classNames() != null && options.classNames().size() > max + 1) {
            // more names than classes would train a model with outputs no image ever teaches
            throw new AttndxException(options.classNames().size() + " class names " + options.classNames()
                    + " for the labels of " + file + ", whose values go up to " + max + " (" + (max + 1)
                    + " classes): give one name per class index 0.." + max);
        }
        List<String> names = options.classNames() != null ? options.classNames() : indexNames((int) max + 1);
        TaskType task = options.task() != null ? options.task()
                : names.size() == 2 ? TaskType.BINARY : TaskType.MULTICLASS;
        if (task == TaskType.BINARY && names.size() != 2) {
            throw new AttndxException("task BINARY needs 2 classes, but the labels of " + file + " reach " + max
                    + " (classes " + names + ")");
        }
        return new DatasetInfo(name, task, names, channels, file.toString());
    }

    private static void readSplit(Path file, String split, Map<String, NpyArray> arrays, DatasetInfo info,
            BadRows bad, List<Sample> out) {
        NpyArray images = arrays.get(split + "_images");
        NpyArray labels = arrays.get(split + "_labels");
        long[] s = images.shape();
        int n = (int) s[0];
        int h = (int) s[1];
        int w = (int) s[2];
        int c = info.channels();
        int width = labels.shape().length == 1 ? 1 : (int) labels.shape()[1];
        for (int i = 0; i < n; i++) {
            String id = split + "_" + i;
            String where = file.getFileName() + "#" + split + "[" + i + "]";
            try {
                Label label = label(labels, i, width, info);
                out.add(new Sample(id, image(images.data(), i, c, h, w), label, id, null, List.of(),
                        where, split));
            } catch (AttndxException e) {
                bad.handle(where, e);
            }
        }
    }

    private static Label label(NpyArray labels, int i, int width, DatasetInfo info) {
        if (info.task() == TaskType.MULTILABEL) {
            List<Integer> positives = new ArrayList<>();
            for (int j = 0; j < width; j++) {
                long v = labels.longAt(i * width + j);
                if (v != 0 && v != 1) {
                    throw new AttndxException("multi-label value " + v + " in column " + j + ", expected 0 or 1");
                }
                if (v == 1) {
                    positives.add(j);
                }
            }
            return new Label(positives.stream().mapToInt(Integer::intValue).toArray());
        }
        long v = labels.longAt(i);
        if (v < 0 || v >= info.numClasses()) {
            throw new AttndxException("label " + v + " outside the " + info.numClasses()
                    + " classes " + info.classNames());
        }
        return Label.of((int) v);
    }

    /** Image i of an (N,H,W[,C]) uint8 array as a C x H x W tensor in [0,1]. */
    private static ImageTensor image(byte[] data, int i, int c, int h, int w) {
        float[] out = new float[c * h * w];
        int base = i * c * h * w;
        for (int p = 0; p < h * w; p++) {
            for (int ch = 0; ch < c; ch++) {
                // numpy stores channels last (H,W,C); ImageTensor is channel-major.
                out[ch * h * w + p] = (data[base + p * c + ch] & 0xFF) / 255f;
            }
        }
        return new ImageTensor(c, h, w, out);
    }

    private static List<String> indexNames(int k) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".npz") ? n.substring(0, n.length() - 4) : n;
    }
}
