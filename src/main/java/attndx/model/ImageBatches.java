package attndx.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/** Batches of preprocessed images (one C*H*W array each): built as B x C x H x W engine arrays, sized, split back. */
public final class ImageBatches {
    private ImageBatches() {}

    /**
     * Images {@code start .. start + count - 1} of {@code images} as an array of {@code manager} (create it in
     * the batch's own sub-manager, so every intermediate computed from it is freed with the batch).
     *
     * @throws IllegalArgumentException naming the image whose size is not {@code channels x height x width}
     */
    public static NDArray create(NDManager manager, float[][] images, int start, int count, int channels, int height,
            int width) {
        int plane = channels * height * width;
        float[] flat = new float[count * plane];
        for (int i = 0; i < count; i++) {
            float[] img = images[start + i];
            if (img.length != plane) {
                throw new IllegalArgumentException("image " + (start + i) + " has " + img.length + " values, expected "
                        + channels + "x" + height + "x" + width);
            }
            System.arraycopy(img, 0, flat, i * plane, plane);
        }
        return manager.create(flat, new Shape(count, channels, height, width));
    }

    /**
     * The size of the batch that starts at image {@code start} of {@code n}: at most {@code batchSize}, one less
     * when that would leave a last batch of a single image (which then gets two). libtorch runs a batch of one on its
     * native convolutions for some layers, which ask NNPACK first and print a warning per layer on CPUs NNPACK does
     * not support; callers run a lone image as two copies for the same reason.
     */
    public static int batchAt(int n, int start, int batchSize) {
        int b = Math.min(batchSize, n - start);
        return n - start - b == 1 && b > 2 ? b - 1 : b;
    }

    /** The first image's part of each array of a batch, under the same names. */
    public static NDList firstImage(NDList batch) {
        NDList out = new NDList(batch.size());
        for (NDArray a : batch) {
            NDArray first = a.get("0:1");
            first.setName(a.getName());
            out.add(first);
        }
        return out;
    }

    /** Splits {@code flat}, the rows of {@code count} images, into {@code into[start] .. into[start + count - 1]}. */
    public static void splitRows(float[] flat, float[][] into, int start, int count) {
        int per = flat.length / count;
        for (int i = 0; i < count; i++) {
            into[start + i] = Arrays.copyOfRange(flat, i * per, (i + 1) * per);
        }
    }
}
