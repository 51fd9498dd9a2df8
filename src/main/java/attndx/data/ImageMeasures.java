package attndx.data;

/**
 * The image statistics quality control measures, on one grey plane (H x W, the channel mean of a
 * multi-channel image).
 */
final class ImageMeasures {
    private ImageMeasures() {}

    /** The channel-mean plane of an image. */
    static float[] grey(ImageTensor img) {
        int n = img.pixels();
        float[] out = new float[n];
        for (int c = 0; c < img.channels(); c++) {
            for (int i = 0; i < n; i++) {
                out[i] += img.data()[c * n + i] / img.channels();
            }
        }
        return out;
    }

    static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double std(float[] v) {
        double m = mean(v);
        double s = 0;
        for (float x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    /**
     * Sharpness: variance of the 4-neighbour Laplacian over interior pixels divided by the image
     * variance. Dividing makes it contrast-invariant, so only blur (loss of high frequencies) lowers
     * it, not a darker or flatter exposure. NaN for images below 3x3 or with zero variance.
     */
    static double sharpness(float[] v, int h, int w) {
        if (h < 3 || w < 3) {
            return Double.NaN;
        }
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double lap = v[i - 1] + v[i + 1] + v[i - w] + v[i + w] - 4.0 * v[i];
                sum += lap;
                sumSq += lap * lap;
                n++;
            }
        }
        double lapVar = sumSq / n - (sum / n) * (sum / n);
        double sd = std(v);
        return sd == 0 ? Double.NaN : lapVar / (sd * sd);
    }

    /**
     * The fraction of the image area outside the largest inner rectangle whose outer rows and
     * columns are not constant: rows/columns are peeled from each side while their range
     * (max - min) is at most {@code tolerance}.
     */
    static double constantBorderFraction(float[] v, int h, int w, double tolerance) {
        int top = 0;
        int bottom = h;
        int left = 0;
        int right = w;
        boolean changed = true;
        while (changed && top < bottom && left < right) {
            changed = false;
            if (top < bottom && flat(v, w, top, top + 1, left, right, tolerance)) {
                top++;
                changed = true;
            }
            if (top < bottom && flat(v, w, bottom - 1, bottom, left, right, tolerance)) {
                bottom--;
                changed = true;
            }
            if (left < right && top < bottom && flat(v, w, top, bottom, left, left + 1, tolerance)) {
                left++;
                changed = true;
            }
            if (left < right && top < bottom && flat(v, w, top, bottom, right - 1, right, tolerance)) {
                right--;
                changed = true;
            }
        }
        double inner = (double) Math.max(0, bottom - top) * Math.max(0, right - left);
        return 1 - inner / ((double) h * w);
    }

    private static boolean flat(float[] v, int w, int y0, int y1, int x0, int x1, double tol) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                min = Math.min(min, v[y * w + x]);
                max = Math.max(max, v[y * w + x]);
            }
        }
        return max - min <= tol;
    }
}
