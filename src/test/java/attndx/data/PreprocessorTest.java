package attndx.data;

import static org.junit.jupiter.api.Assertions.*;

import attndx.core.Json;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
    private static final Preprocessing NONE = new Preprocessing(Preprocessing.Normalisation.NONE, 0, 1, 0, 0, 0, 0);

    private static Sample sample(ImageTensor img, float[] mask, List<Box> boxes) {
        return new Sample("s", img, Label.of(1), "p", mask, boxes, "s", null);
    }

    private static ImageTensor constant(int h, int w, float v) {
        float[] d = new float[h * w];
        Arrays.fill(d, v);
        return new ImageTensor(1, h, w, d);
    }

    @Test
    void constantImageStaysConstant() {
        for (int[] dst : new int[][] {{64, 64}, {13, 13}, {28, 40}}) {
            ImageTensor out = new Preprocessor(NONE.withSize(dst[0], dst[1])).apply(constant(28, 28, 0.37f));
            ResizeGeometry g = ResizeGeometry.of(28, 28, dst[0], dst[1]);
            for (int y = g.top(); y < g.top() + g.contentHeight(); y++) {
                for (int x = g.left(); x < g.left() + g.contentWidth(); x++) {
                    assertEquals(0.37f, out.get(0, y, x), 1e-6f);
                }
            }
        }
    }

    @Test
    void twoTimesDownscaleMapsBoxesAndMasksExactly() {
        float[] mask = new float[64 * 64];
        for (int y = 6; y < 12; y++) {
            for (int x = 4; x < 10; x++) {
                mask[y * 64 + x] = 1;
            }
        }
        Sample out = new Preprocessor(NONE.withSize(32, 32))
                .apply(sample(constant(64, 64, 0.5f), mask, List.of(new Box(4, 6, 10, 12))));
        assertEquals(List.of(new Box(2, 3, 5, 6)), out.boxes());
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                assertEquals(new Box(2, 3, 5, 6).contains(x, y) ? 1f : 0f, out.mask()[y * 32 + x], x + "," + y);
            }
        }
    }

    @Test
    void paddingCentresTheContent() {
        // 20x40 onto 40x40: content 20x40 at rows 10..29, pad value 0 elsewhere
        ImageTensor out = new Preprocessor(NONE.withSize(40, 40)).apply(constant(20, 40, 0.8f));
        assertEquals(ResizeGeometry.of(20, 40, 40, 40), new ResizeGeometry(20, 40, 40, 40, 20, 40, 10, 0));
        for (int y = 0; y < 40; y++) {
            assertEquals(y >= 10 && y < 30 ? 0.8f : 0f, out.get(0, y, 17), 1e-6f, "row " + y);
        }
        Sample s = new Preprocessor(NONE.withSize(40, 40)).apply(sample(constant(20, 40, 0.8f), null,
                List.of(new Box(0, 0, 40, 20))));
        assertEquals(List.of(new Box(0, 10, 40, 30)), s.boxes());
    }

    @Test
    void upscaleInterpolatesBilinearly() {
        // 1x2 image [0, 1] to 1x4 (half-pixel centres): sources -0.25, 0.25, 0.75, 1.25 clamped -> 0, .25, .75, 1
        ImageTensor out = new Preprocessor(NONE.withSize(2, 4)).apply(new ImageTensor(1, 1, 2, new float[] {0, 1}));
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1, 0, 0.25f, 0.75f, 1}, out.data(), 1e-6f);
    }

    @Test
    void perImageNormalisationGivesMeanZeroStdOne() {
        ImageTensor img = new ImageTensor(1, 2, 2, new float[] {0.1f, 0.2f, 0.3f, 0.6f});
        Preprocessing p = new Preprocessing(Preprocessing.Normalisation.PER_IMAGE, 0, 1, 0, 0, 0, 0);
        float[] out = new Preprocessor(p).apply(img).data();
        assertEquals(0, ImageMeasures.mean(out), 1e-6);
        assertEquals(1, ImageMeasures.std(out), 1e-5);
        assertArrayEquals(new float[4], new Preprocessor(p).apply(constant(2, 2, 0.4f)).data(), 0f);
    }

    @Test
    void datasetStatisticsFromTrainingSplitNormaliseIt() {
        Dataset train = Phantom.generate(PhantomConfig.defaults().withCount(40, 2));
        Preprocessing p = Preprocessor.fit(Preprocessing.defaults(), train);
        Dataset out = new Preprocessor(p).apply(train);
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (Sample s : out.samples()) {
            for (float v : s.image().data()) {
                sum += v;
                sumSq += v * v;
                n++;
            }
        }
        assertEquals(0, sum / n, 1e-4);
        assertEquals(1, Math.sqrt(sumSq / n - (sum / n) * (sum / n)), 1e-4);
    }

    @Test
    void borderAndCornerMasksZeroTheirRegions() {
        Preprocessing p = new Preprocessing(Preprocessing.Normalisation.NONE, 0, 1, 0, 0, 0.1f, 0.25f);
        ImageTensor out = new Preprocessor(p).apply(constant(20, 20, 1f));
        assertEquals(0f, out.get(0, 1, 10)); // border band: 2 px
        assertEquals(1f, out.get(0, 2, 10));
        assertEquals(0f, out.get(0, 4, 4)); // corner square: 5 px
        assertEquals(0f, out.get(0, 15, 15));
        assertEquals(1f, out.get(0, 5, 5));
        assertEquals(1f, out.get(0, 4, 10));
    }

    @Test
    void phantomGroundTruthStaysAlignedThroughResize() {
        Dataset d = Phantom.generate(PhantomConfig.defaults().withCount(30, 8));
        Preprocessor pre = new Preprocessor(Preprocessing.defaults().withSize(48, 40));
        for (Sample s : d.samples()) {
            Sample out = pre.apply(s);
            assertEquals(s.boxes().size(), out.boxes().size());
            for (int i = 0; i < out.mask().length; i++) {
                if (out.mask()[i] > 0) {
                    int x = i % 40;
                    int y = i / 40;
                    assertTrue(out.boxes().stream().anyMatch(b -> b.contains(x, y)), s.id() + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void preprocessingRoundTripsThroughJson() throws Exception {
        Preprocessing p = new Preprocessing(Preprocessing.Normalisation.DATASET, 0.42f, 0.21f, 224, 192, 0.05f, 0.1f);
        assertEquals(p, Json.mapper().readValue(Json.toJson(p), Preprocessing.class));
        assertThrows(IllegalArgumentException.class, () -> p.withSize(10, 0));
    }
}
