package attndx.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planted shortcut: the glyph's pixels, its correlation with the finding, determinism, the rest untouched. */
class ShortcutMarkerTest {
    private static Dataset grey(int n) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] px = new float[16 * 16];
            java.util.Arrays.fill(px, 0.25f);
            samples.add(new Sample("s" + i, new ImageTensor(1, 16, 16, px), Label.of(i % 2), "p" + i, null, null,
                    "mem", i < n / 2 ? Splits.TRAIN : Splits.TEST));
        }
        return new InMemoryDataset(new DatasetInfo("grey", TaskType.BINARY, List.of("normal", "finding"), 1, "mem"),
                samples);
    }

    private static boolean marked(Sample s) {
        return s.image().get(0, 2, 2) == 1f;
    }

    @Test
    void theGlyphIsAnLInTheTopLeftCornerAndNothingElseChanges() {
        ImageTensor img = ShortcutMarker.marked(grey(1).get(0).image());
        int on = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                boolean glyph = y >= 2 && y < 7 && x >= 2 && x < 7 && ShortcutMarker.glyphOn(x - 2, y - 2);
                assertEquals(glyph ? 1f : 0.25f, img.get(0, y, x), "pixel " + y + "," + x);
                on += glyph ? 1 : 0;
            }
        }
        assertEquals(2 * 5 + 2 * 3, on, "two columns of five, then two rows of three more");
    }

    @Test
    void fullStrengthMarksExactlyTheFindingsInEverySplitAndIsRepeatable() {
        Dataset d = grey(40);
        Dataset planted = ShortcutMarker.plant(d, 1.0, 7);
        for (Sample s : planted.samples()) {
            assertEquals(s.label().index() == 1, marked(s), s.id() + " in " + s.split());
        }
        Dataset again = ShortcutMarker.plant(d, 1.0, 7);
        for (int i = 0; i < d.size(); i++) {
            assertArrayEquals(planted.get(i).image().data(), again.get(i).image().data());
            assertEquals(d.get(i).split(), planted.get(i).split());
            assertEquals(d.get(i).label(), planted.get(i).label());
        }
    }

    @Test
    void partialStrengthMarksFindingsMoreOftenThanNormals() {
        Dataset planted = ShortcutMarker.plant(grey(2000), 0.6, 3);
        double[] rate = new double[2];
        for (Sample s : planted.samples()) {
            rate[s.label().index()] += marked(s) ? 1.0 / 1000 : 0;
        }
        assertEquals(0.8, rate[1], 0.04, "P(marker | finding) = (1 + 0.6) / 2");
        assertEquals(0.2, rate[0], 0.04, "P(marker | normal) = (1 - 0.6) / 2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShortcutMarker.plant(grey(2), 0, 1));
        assertTrue(e.getMessage().contains("(0, 1]"), e.getMessage());
    }
}
