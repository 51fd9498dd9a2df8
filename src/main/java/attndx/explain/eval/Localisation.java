package attndx.explain.eval;

/**
 * Localisation scores of one saliency map against a binary annotation (seed section 6.2), on H*W row-major
 * arrays (annotation values above 0.5 are inside):
 * <ul>
 *   <li>pointing game: 1 when the map's maximum (the first in raster order among ties) lies within
 *       {@code tolerance} pixels (Chebyshev distance) of an annotated pixel, else 0;
 *   <li>IoU and Dice of the thresholded map with the annotation, the map thresholded either at its top q share
 *       of pixels ({@code ceil(q N)}, ties in raster order, as the deletion curves rank) or at a value;
 *   <li>energy-based pointing (Wang et al., Score-CAM): the share of the map's mass inside the annotation
 *       (NaN for an all-zero map).
 * </ul>
 */
public final class Localisation {
    private Localisation() {}

    /** 1 or 0: whether the map's peak is within {@code tolerance} pixels of the annotation. */
    public static double pointing(float[] map, float[] mask, int width, int tolerance) {
        int best = 0;
        for (int p = 1; p < map.length; p++) {
            if (map[p] > map[best]) {
                best = p;
            }
        }
        int height = map.length / width;
        int by = best / width;
        int bx = best % width;
        for (int y = Math.max(0, by - tolerance); y <= Math.min(height - 1, by + tolerance); y++) {
            for (int x = Math.max(0, bx - tolerance); x <= Math.min(width - 1, bx + tolerance); x++) {
                if (mask[y * width + x] > 0.5f) {
                    return 1;
                }
            }
        }
        return 0;
    }

    /** The map's top {@code share} (in (0, 1]) of pixels as a binary region. */
    public static boolean[] top(float[] map, double share) {
        int k = (int) Math.ceil(share * map.length - 1e-9);
        int[] order = DeletionInsertion.descendingOrder(map, 0);
        boolean[] region = new boolean[map.length];
        for (int r = 0; r < k; r++) {
            region[order[r]] = true;
        }
        return region;
    }

    /** Pixels whose value is at least {@code threshold}. */
    public static boolean[] atLeast(float[] map, double threshold) {
        boolean[] region = new boolean[map.length];
        for (int p = 0; p < map.length; p++) {
            region[p] = map[p] >= threshold;
        }
        return region;
    }

    /** Intersection over union of a region with the annotation (NaN when both are empty). */
    public static double iou(boolean[] region, float[] mask) {
        long inter = 0;
        long union = 0;
        for (int p = 0; p < region.length; p++) {
            boolean m = mask[p] > 0.5f;
            inter += region[p] && m ? 1 : 0;
            union += region[p] || m ? 1 : 0;
        }
        return union == 0 ? Double.NaN : (double) inter / union;
    }

    /** Dice coefficient 2|A n B| / (|A| + |B|) (NaN when both are empty). */
    public static double dice(boolean[] region, float[] mask) {
        long inter = 0;
        long sizes = 0;
        for (int p = 0; p < region.length; p++) {
            boolean m = mask[p] > 0.5f;
            inter += region[p] && m ? 1 : 0;
            sizes += (region[p] ? 1 : 0) + (m ? 1 : 0);
        }
        return sizes == 0 ? Double.NaN : 2.0 * inter / sizes;
    }

    /** Share of the map's mass inside the annotation. */
    public static double energy(float[] map, float[] mask) {
        double in = 0;
        double all = 0;
        for (int p = 0; p < map.length; p++) {
            all += map[p];
            in += mask[p] > 0.5f ? map[p] : 0;
        }
        return all > 0 ? in / all : Double.NaN;
    }
}
