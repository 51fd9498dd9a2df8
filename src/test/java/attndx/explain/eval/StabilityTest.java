package attndx.explain.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import attndx.core.Engines;
import attndx.data.Preprocessing;
import attndx.data.Preprocessor;
import org.junit.jupiter.api.Test;

/**
 * A map that moves exactly with the image (here the image itself) is perfectly stable under the training code's
 * translations mapped back by its own Pi: S = 1 and rank correlation 1 over the pixels Pi defines.
 */
class StabilityTest {
    static {
        Engines.configure();
    }

    @Test
    void anEquivariantMapIsStableUnderAnExactlyInvertibleTranslation() {
        int n = 3;
        int size = 16;
        float[][] raw = new float[n][size * size];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < raw[i].length; p++) {
                raw[i][p] = ((p * 13 + i * 5) % 29) / 29f;
            }
        }
        Preprocessor identity = new Preprocessor(new Preprocessing(Preprocessing.Normalisation.NONE, 0f, 1f, 0, 0,
                0f, 0f));
        ExplainData d = new ExplainData(new String[] {"a", "b", "c"}, raw, raw, new int[n], new float[n][], 1, size,
                size, identity);
        StabilityConfig cfg = new StabilityConfig(0, 0, 4, 2, 7, 2);
        MapFunction itself = (x, t) -> x;
        try (NDManager m = NDManager.newBaseManager()) {
            Stability.Result r = Stability.run(m, d, new int[n], "self", itself, raw, cfg, new PerImageScores(d.ids()));
            assertEquals(1.0, r.s().get("translation").mean(), 1e-5);
            assertEquals(1.0, r.s().get("translation").quantiles()[0], 1e-5);
            assertEquals(1.0, r.spearman().get("translation").mean(), 1e-5);
        }
    }

    @Test
    void anAllZeroReferenceMapHasNoStabilityInsteadOfAHugeNegativeOne() {
        float[] zero = new float[4];
        float[] back = {0.5f, 0f, 0f, 0f};
        float[] valid = {1f, 1f, 1f, 1f};
        assertTrue(Double.isNaN(Stability.compare(zero, back, valid, 0, 4)[0]));
        float[] ref = {1f, 0f, 0f, 0f};
        assertEquals(0.5, Stability.compare(ref, back, valid, 0, 4)[0], 1e-5);
    }
}
