package attndx.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --qc exclude} leaves the flagged images out and counts them per check; {@code flag} keeps them. */
class QcScreenTest {
    private static final Dataset DATA = withBadImages();

    /** Five good phantom images, one dark (under-exposed and low-contrast) and one flat (low-contrast). */
    private static Dataset withBadImages() {
        Dataset good = Phantom.generate(PhantomConfig.defaults().withCount(5, 4));
        List<Sample> samples = new ArrayList<>(good.samples());
        Sample s = samples.get(0);
        float[] dark = s.image().data().clone();
        float[] flat = s.image().data().clone();
        for (int i = 0; i < dark.length; i++) {
            dark[i] *= 0.15f;
            flat[i] = 0.5f + 0.1f * (flat[i] - 0.3f);
        }
        ImageTensor img = s.image();
        samples.add(s.withImage(new ImageTensor(1, img.height(), img.width(), dark), s.mask(), s.boxes()));
        samples.add(s.withImage(new ImageTensor(1, img.height(), img.width(), flat), s.mask(), s.boxes()));
        return new InMemoryDataset(good.info(), samples);
    }

    @Test
    void excludeLeavesFlaggedImagesOutAndCountsEachCheck() {
        QcScreen.Result r = QcScreen.apply(DATA, QcConfig.defaults(), QcPolicy.EXCLUDE);
        assertEquals(5, r.dataset().size());
        assertEquals(DATA.samples().subList(0, 5), r.dataset().samples());
        assertEquals(2, r.excluded());
        assertEquals(Map.of("under-exposed", 1, "low-contrast", 2), r.byCheck());
        assertEquals("QC exclude: 2 of 7 images excluded (by check: low-contrast 2, under-exposed 1)", r.summary());
    }

    @Test
    void flagKeepsEveryImageAndStillReports() {
        QcScreen.Result r = QcScreen.apply(DATA, QcConfig.defaults(), QcPolicy.FLAG);
        assertSame(DATA, r.dataset());
        assertEquals(0, r.excluded());
        assertEquals(2, r.flagged());
        assertEquals("QC flag: 2 of 7 images flagged and kept (by check: low-contrast 2, under-exposed 1)", r.summary());
    }
}
