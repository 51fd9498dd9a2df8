package attndx.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class QualityControlTest {
    private static final QualityControl QC = new QualityControl(QcConfig.defaults());
    private static final Sample GOOD = Phantom.generate(PhantomConfig.defaults().withCount(1, 21)).get(0);

    private static ImageTensor map(java.util.function.DoubleUnaryOperator f) {
        float[] v = GOOD.image().data().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) f.applyAsDouble(v[i]);
        }
        return new ImageTensor(1, 64, 64, v);
    }

    private static List<String> checks(ImageTensor img) {
        return QC.check(img).stream().map(QcFlag::check).toList();
    }

    @Test
    void goodPhantomImagesAreNotFlagged() {
        QcReport r = QC.check(Phantom.generate(PhantomConfig.defaults().withCount(200, 13)));
        assertEquals(0, r.flaggedCount(), r.results().stream().filter(QcReport.Result::flagged).toList().toString());
    }

    @Test
    void darkImageIsUnderExposed() {
        // scaling by 0.15 also scales the std below 0.04: a dark image is low-contrast as well
        List<QcFlag> f = QC.check(map(v -> v * 0.15));
        assertEquals(List.of("under-exposed", "low-contrast"), f.stream().map(QcFlag::check).toList());
        assertEquals(0.1, f.get(0).threshold());
        assertTrue(f.get(0).value() < 0.1 && f.get(0).reason().contains("< 0.1000"), f.get(0).reason());
    }

    @Test
    void saturatedImageIsOverExposed() {
        assertEquals(List.of("over-exposed"), checks(map(v -> Math.min(1, 0.7 + v))));
    }

    @Test
    void flatImageHasLowContrast() {
        assertEquals(List.of("low-contrast"), checks(map(v -> 0.5 + 0.1 * (v - 0.3))));
    }

    @Test
    void blurredImageIsBlurred() {
        float[] v = GOOD.image().data();
        for (int pass = 0; pass < 3; pass++) {
            v = boxBlur(v, 64);
        }
        assertEquals(List.of("blurred"), checks(new ImageTensor(1, 64, 64, v)));
    }

    @Test
    void largeConstantBorderIsTruncatedFieldOfView() {
        float[] v = GOOD.image().data().clone();
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 26; x++) {
                v[y * 64 + x] = 0f;
            }
        }
        List<QcFlag> f = QC.check(new ImageTensor(1, 64, 64, v));
        assertEquals(List.of("truncated-fov"), f.stream().map(QcFlag::check).toList());
        assertEquals(26 / 64.0, f.get(0).value(), 1e-9);
    }

    @Test
    void multiChannelImagesUseTheChannelMean() {
        float[] d = new float[3 * 64 * 64];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(GOOD.image().data(), 0, d, c * 4096, 4096);
        }
        assertTrue(QC.check(new ImageTensor(3, 64, 64, d)).isEmpty());
    }

    @Test
    void configIsValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new QcConfig(0.5, 0.4, 0.04, 0.1, 0.35, 0.01));
        assertTrue(e.getMessage().contains("qc.maxMean"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new QcConfig(0.1, 0.9, 0.04, -1, 0.35, 0.01));
    }

    private static float[] boxBlur(float[] v, int s) {
        float[] out = new float[v.length];
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                float sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        sum += v[Math.min(s - 1, Math.max(0, y + dy)) * s + Math.min(s - 1, Math.max(0, x + dx))];
                    }
                }
                out[y * s + x] = sum / 9;
            }
        }
        return out;
    }
}
