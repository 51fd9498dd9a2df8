package attndx.explain.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.data.Preprocessing;
import attndx.data.Preprocessor;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The shortcut criterion on hand-built models of 32 x 32 images with a marker square: a model that reads the
 * marker is flagged wherever the marker sits (corners other than top-left, the middle of an edge), one that
 * reads the interior is not, and an explanation whose mass sits in a corner is flagged.
 */
class ShortcutTestTest {
    static final int SIZE = 32;
    static final int N = 40;

    /** Half the images carry a bright 3 x 3 marker at (y, x); the rest of the image is textured interior. */
    static ExplainData data(int my, int mx) {
        float[][] raw = new float[N][SIZE * SIZE];
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            labels[i] = i % 2;
            for (int p = 0; p < raw[i].length; p++) {
                int y = p / SIZE;
                int x = p % SIZE;
                boolean interior = y >= 8 && y < 24 && x >= 8 && x < 24;
                raw[i][p] = interior ? 0.3f + ((p * 7 + i * 13) % 11) / 40f : 0.05f;
                if (labels[i] == 1 && y >= my && y < my + 3 && x >= mx && x < mx + 3) {
                    raw[i][p] = 1f;
                }
            }
        }
        Preprocessor none = new Preprocessor(new Preprocessing(Preprocessing.Normalisation.NONE, 0f, 1f, 0, 0, 0f, 0f));
        String[] ids = new String[N];
        for (int i = 0; i < N; i++) {
            ids[i] = "img" + i;
        }
        return new ExplainData(ids, raw, raw, labels, new float[N][], 1, SIZE, SIZE, none);
    }

    /** p(class 1) = sigmoid of a weighted sum of the image over a pixel set. */
    static Function<float[][], float[][]> model(java.util.function.IntPredicate reads, double gain, double bias) {
        return images -> {
            float[][] out = new float[images.length][2];
            for (int i = 0; i < images.length; i++) {
                double s = 0;
                for (int p = 0; p < images[i].length; p++) {
                    s += reads.test(p) ? images[i][p] : 0;
                }
                double p1 = 1 / (1 + Math.exp(-(gain * s + bias)));
                out[i][1] = (float) p1;
                out[i][0] = (float) (1 - p1);
            }
            return out;
        };
    }

    static int[] targets(ExplainData d, Function<float[][], float[][]> m) {
        float[][] p = m.apply(d.images());
        int[] t = new int[d.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = p[i][1] > p[i][0] ? 1 : 0;
        }
        return t;
    }

    static ShortcutTest.Result run(ExplainData d, Function<float[][], float[][]> m, Map<String, float[][]> maps) {
        return ShortcutTest.run(d, targets(d, m), m, maps, ShortcutConfig.defaults(), true, () -> { });
    }

    @Test
    void aModelReadingTheMarkerIsFlaggedWhereverTheMarkerSits() {
        int[][] positions = {{29, 29}, {0, 29}, {29, 0}, {0, 15}};
        for (int[] pos : positions) {
            ExplainData d = data(pos[0], pos[1]);
            // Reads the whole border band of width 4 (448 background pixels at 0.05 sum to 22.4): the marker,
            // wherever it is, adds 8.55 and decides.
            var m = model(p -> p / SIZE < 4 || p / SIZE >= 28 || p % SIZE < 4 || p % SIZE >= 28, 1.0, -26.4);
            ShortcutTest.Result r = run(d, m, Map.of());
            assertTrue(r.flagged(), "marker at " + pos[0] + "," + pos[1] + ": " + r.reason());
        }
    }

    @Test
    void aModelReadingTheInteriorIsNotFlagged() {
        ExplainData d = data(29, 29);
        var m = model(p -> p / SIZE >= 8 && p / SIZE < 24 && p % SIZE >= 8 && p % SIZE < 24, 0.05, -6.0);
        ShortcutTest.Result r = run(d, m, Map.of());
        assertFalse(r.flagged(), r.reason());
    }

    @Test
    void explanationMassInACornerIsFlagged() {
        ExplainData d = data(29, 29);
        var m = model(p -> p / SIZE >= 8 && p / SIZE < 24 && p % SIZE >= 8 && p % SIZE < 24, 0.05, -6.0);
        float[][] corner = new float[N][SIZE * SIZE];
        float[][] centre = new float[N][SIZE * SIZE];
        for (int i = 0; i < N; i++) {
            for (int p = 0; p < SIZE * SIZE; p++) {
                corner[i][p] = p / SIZE >= 28 && p % SIZE >= 28 ? 1f : 0.01f * ((p + i) % 3);
                centre[i][p] = p / SIZE >= 12 && p / SIZE < 20 && p % SIZE >= 12 && p % SIZE < 20 ? 1f
                        : 0.01f * ((p + i) % 3);
            }
        }
        assertTrue(run(d, m, Map.of("attention", corner)).flagged());
        assertFalse(run(d, m, Map.of("attention", centre)).flagged());
    }
}
