package attndx.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import attndx.core.Engines;
import attndx.data.ImageTensor;
import attndx.data.Preprocessing;
import attndx.data.Preprocessor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine-side normalisation of a batch equals the data layer's per-image normalisation. */
class IntensityNormaliserTest {
    @Test
    void batchNormalisationMatchesThePreprocessorForEveryMode() {
        Engines.configure();
        Random rng = new Random(3);
        int b = 3;
        int c = 2;
        int h = 4;
        int w = 5;
        float[] flat = new float[b * c * h * w];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = rng.nextFloat();
        }
        for (Preprocessing.Normalisation mode : Preprocessing.Normalisation.values()) {
            Preprocessing p = new Preprocessing(mode, 0.3f, 0.2f, 0, 0, 0f, 0f);
            float[] expected = new float[flat.length];
            int n = c * h * w;
            for (int i = 0; i < b; i++) {
                float[] img = java.util.Arrays.copyOfRange(flat, i * n, (i + 1) * n);
                System.arraycopy(new Preprocessor(p).normalise(new ImageTensor(c, h, w, img)).data(), 0, expected, i * n, n);
            }
            try (NDManager m = NDManager.newBaseManager()) {
                float[] actual = new IntensityNormaliser(p).apply(m.create(flat, new Shape(b, c, h, w))).toFloatArray();
                assertArrayEquals(expected, actual, 1e-5f, mode.name());
            }
        }
    }
}
