package attndx.data;

import java.util.Objects;

/**
 * A float image in channel-major (C x H x W) layout. Values are raw intensities scaled to
 * [0,1] by the loader (8-bit / 255, 16-bit / 65535, DICOM after windowing); normalisation is
 * the job of {@link Preprocessing}. The array is owned by this record: do not mutate it.
 *
 * @param channels C (1 grey-scale, 3 RGB)
 * @param height H
 * @param width W
 * @param data C*H*W values, index {@code (c*H + y)*W + x}
 */
public record ImageTensor(int channels, int height, int width, float[] data) {

    public ImageTensor {
        Objects.requireNonNull(data, "data");
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
        if ((long) channels * height * width != data.length) {
            throw new IllegalArgumentException("image data has " + data.length + " values, expected "
                    + channels + "x" + height + "x" + width);
        }
    }

    /** A zero image of the given shape. */
    public static ImageTensor zeros(int channels, int height, int width) {
        return new ImageTensor(channels, height, width, new float[channels * height * width]);
    }

    /** The value at channel c, row y, column x. */
    public float get(int c, int y, int x) {
        return data[(c * height + y) * width + x];
    }

    /** Number of pixels per channel (H*W). */
    public int pixels() {
        return height * width;
    }
}
