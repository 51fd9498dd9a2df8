package attndx.explain;

import attndx.data.MinMax;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The model-free maps every score is read against (seed section 4.2, 6.3): a seeded uniform random map,
 * the Sobel edge magnitude of the image (mean over channels), min-max scaled, and a fixed centre prior. None
 * looks at the model, so a check that cannot tell them from a real explanation measures nothing.
 */
final class ReferenceMaps {
    private ReferenceMaps() {}

    /**
     * Uniform random maps, each drawn from a stream seeded by {@code seed} and the image's values: the same image
     * always gets the same map, a perturbed copy another one (so the random map is not stable by construction).
     */
    static ExplanationMethod random(long seed) {
        return new ExplanationMethod() {
            @Override
            public String name() {
                return Methods.RANDOM;
            }

            @Override
            public float[][] explain(float[][] images, int channels, int height, int width, int[] targets) {
                float[][] out = new float[images.length][height * width];
                for (int i = 0; i < out.length; i++) {
                    float[] m = out[i];
                    SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + Arrays.hashCode(images[i]));
                    for (int p = 0; p < m.length; p++) {
                        m[p] = (float) rng.nextDouble();
                    }
                }
                return out;
            }
        };
    }

    /**
     * The centre prior: minus the distance of each pixel to the image centre, min-max scaled (1 at the centre).
     * It ignores model and image; a faithful explanation must delete faster than this fixed order (issue 18),
     * because an object of interest near the centre makes any centre-first order look good.
     */
    static ExplanationMethod centre() {
        return new ExplanationMethod() {
            @Override
            public String name() {
                return Methods.CENTRE;
            }

            @Override
            public float[][] explain(float[][] images, int channels, int height, int width, int[] targets) {
                float[] map = new float[height * width];
                double cy = (height - 1) / 2.0;
                double cx = (width - 1) / 2.0;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        map[y * width + x] = (float) -Math.hypot(y - cy, x - cx);
                    }
                }
                MinMax.scaleToUnit(map);
                float[][] out = new float[images.length][];
                for (int i = 0; i < out.length; i++) {
                    out[i] = map.clone();
                }
                return out;
            }
        };
    }

    /** Sobel edge magnitude of the channel-mean image (borders replicated). */
    static ExplanationMethod edges() {
        return new ExplanationMethod() {
            @Override
            public String name() {
                return Methods.EDGE;
            }

            @Override
            public float[][] explain(float[][] images, int channels, int height, int width, int[] targets) {
                float[][] out = new float[images.length][];
                for (int i = 0; i < images.length; i++) {
                    out[i] = sobel(images[i], channels, height, width);
                }
                return out;
            }
        };
    }

    static float[] sobel(float[] image, int channels, int height, int width) {
        int plane = height * width;
        float[] g = new float[plane];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < plane; p++) {
                g[p] += image[c * plane + p] / channels;
            }
        }
        float[] out = new float[plane];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float gx = at(g, y - 1, x + 1, height, width) + 2 * at(g, y, x + 1, height, width)
                        + at(g, y + 1, x + 1, height, width) - at(g, y - 1, x - 1, height, width)
                        - 2 * at(g, y, x - 1, height, width) - at(g, y + 1, x - 1, height, width);
                float gy = at(g, y + 1, x - 1, height, width) + 2 * at(g, y + 1, x, height, width)
                        + at(g, y + 1, x + 1, height, width) - at(g, y - 1, x - 1, height, width)
                        - 2 * at(g, y - 1, x, height, width) - at(g, y - 1, x + 1, height, width);
                out[y * width + x] = (float) Math.sqrt(gx * gx + gy * gy);
            }
        }
        MinMax.scaleToUnit(out);
        return out;
    }

    private static float at(float[] g, int y, int x, int height, int width) {
        return g[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))];
    }
}
