package attndx.data;

import static org.junit.jupiter.api.Assertions.*;

import attndx.core.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhantomTest {
    private static final PhantomConfig BASE = PhantomConfig.defaults().withCount(300, 11);

    @Test
    void sameSeedSamePixelsOtherSeedOtherPixels() {
        Dataset a = Phantom.generate(BASE);
        Dataset b = Phantom.generate(BASE);
        Dataset c = Phantom.generate(BASE.withCount(300, 12));
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).image().data(), b.get(i).image().data());
            assertArrayEquals(a.get(i).mask(), b.get(i).mask());
            assertEquals(a.get(i).boxes(), b.get(i).boxes());
            assertEquals(a.get(i).split(), b.get(i).split());
        }
        assertFalse(java.util.Arrays.equals(a.get(0).image().data(), c.get(0).image().data()));
    }

    @Test
    void classBalanceMatchesPositiveFraction() {
        for (double f : new double[] {0.5, 0.3, 0.0, 1.0}) {
            PhantomConfig cfg = new PhantomConfig(300, 32, 5, f, 1, 4, 8, 0.02, null, null, null, null);
            long pos = Phantom.generate(cfg).samples().stream().filter(s -> s.label().index() == 1).count();
            assertEquals(Math.round(300 * f), pos, "positive fraction " + f);
        }
    }

    @Test
    void masksAreExactAndBoxesTight() {
        for (Sample s : Phantom.generate(BASE).samples()) {
            assertTrue(s.hasMask());
            int size = s.image().width();
            double maskSum = 0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (s.mask()[y * size + x] > 0) {
                        maskSum++;
                        final int px = x;
                        final int py = y;
                        assertTrue(s.boxes().stream().anyMatch(b -> b.contains(px, py)), s.id() + " mask pixel outside boxes");
                    }
                }
            }
            if (s.label().index() == 0) {
                assertEquals(0, maskSum, s.id());
                assertTrue(s.boxes().isEmpty());
            } else {
                assertTrue(maskSum > 0, s.id());
                assertFalse(s.boxes().isEmpty());
                for (Box b : s.boxes()) {
                    assertTrue(rowHasMask(s, b.y0(), b) && rowHasMask(s, b.y1() - 1, b), s.id() + " box not tight " + b);
                    assertTrue(colHasMask(s, b.x0(), b) && colHasMask(s, b.x1() - 1, b), s.id() + " box not tight " + b);
                }
            }
        }
    }

    @Test
    void lesionChangesExactlyTheMaskedPixels() {
        PhantomLesion lesion = new PhantomLesion(10.3, 12.7, 4.2, 3.1, 0.2, 0.6);
        float[] img = new float[32 * 32];
        float[] mask = new float[32 * 32];
        Box box = lesion.paint(img, mask, 32);
        for (int i = 0; i < img.length; i++) {
            assertEquals(mask[i] > 0, img[i] > 0, "pixel " + i);
            // the 30 % rim keeps every lesion pixel visible after 8-bit quantisation
            assertTrue(mask[i] == 0 || img[i] >= 0.3f * 0.2f - 1e-6f);
        }
        // pixel centres x+0.5 in (10.3-4.2, 10.3+4.2) and y+0.5 in (12.7-3.1, 12.7+3.1)
        assertEquals(new Box(6, 10, 14, 16), box);
    }

    @Test
    void lesionsAreBrighterThanTheirSurroundingsOnAverage() {
        double inside = 0;
        double outside = 0;
        for (Sample s : Phantom.generate(BASE).samples()) {
            for (Box b : s.boxes()) {
                Box ring = new Box(Math.max(0, b.x0() - 3), b.y0(), b.x0(), b.y1());
                inside += mean(s, b, true);
                outside += mean(s, ring, false);
            }
        }
        assertTrue(inside > outside + 0.05, inside + " vs " + outside);
    }

    @Test
    void patientsShareBackgroundLabelAndSplit() {
        Dataset d = Phantom.generate(BASE);
        Map<String, Sample> first = new HashMap<>();
        Map<String, Integer> perPatient = new HashMap<>();
        double same = 0;
        int nSame = 0;
        for (Sample s : d.samples()) {
            perPatient.merge(s.patientId(), 1, Integer::sum);
            Sample f = first.putIfAbsent(s.patientId(), s);
            if (f != null) {
                assertEquals(f.split(), s.split());
                assertEquals(f.label(), s.label());
                same += correlation(f.image().data(), s.image().data());
                nSame++;
            }
        }
        perPatient.values().forEach(n -> assertTrue(n >= 1 && n <= 4, "images per patient " + n));
        List<Sample> firsts = List.copyOf(first.values());
        double other = 0;
        for (int i = 1; i < firsts.size(); i++) {
            other += correlation(firsts.get(i - 1).image().data(), firsts.get(i).image().data());
        }
        other /= firsts.size() - 1;
        assertTrue(nSame > 50);
        assertTrue(same / nSame > 0.85, "same-patient correlation " + same / nSame);
        assertTrue(same / nSame > other + 0.1, "same " + same / nSame + " vs other " + other);
    }

    @Test
    void splitIsPatientLevelAndStratified() {
        Dataset d = Phantom.generate(BASE);
        Splitter.checkNoLeakage(d.samples());
        for (String split : Splits.ALL) {
            Dataset part = d.split(split);
            assertTrue(part.size() > 0, split);
            double pos = part.samples().stream().filter(s -> s.label().index() == 1).count() / (double) part.size();
            assertEquals(0.5, pos, 0.2, split);
        }
    }

    @Test
    void markerRateFollowsStrengthPerSplit() {
        PhantomConfig cfg = PhantomConfig.defaults().withCount(3000, 3)
                .withArtifacts(new PhantomConfig.Shortcut(0.9, -0.5, 0.0), null);
        PhantomResult r = Phantom.render(cfg);
        for (String split : Splits.ALL) {
            for (boolean lesion : new boolean[] {true, false}) {
                List<PhantomItem> group = r.items().stream()
                        .filter(it -> it.split().equals(split) && it.lesion() == lesion).toList();
                double p = cfg.shortcut().markerProbability(split, lesion);
                double rate = group.stream().filter(PhantomItem::hasMarker).count() / (double) group.size();
                double se = Math.sqrt(Math.max(p * (1 - p), 0.01) / group.size());
                assertEquals(p, rate, 4 * se, split + " lesion=" + lesion + " n=" + group.size());
            }
        }
    }

    @Test
    void markerAndSiteChangeNothingElse() {
        PhantomConfig cfg = PhantomConfig.defaults().withCount(60, 4);
        PhantomResult plain = Phantom.render(cfg);
        PhantomResult marked = Phantom.render(cfg.withArtifacts(new PhantomConfig.Shortcut(1, 1, 1), null));
        for (int i = 0; i < 60; i++) {
            Sample a = plain.dataset().get(i);
            Sample b = marked.dataset().get(i);
            Box m = marked.items().get(i).marker();
            assertEquals(a.label().index() == 1, m != null);
            for (int p = 0; p < a.image().pixels(); p++) {
                int x = p % 64;
                int y = p / 64;
                if (m == null || !m.contains(x, y)) {
                    assertEquals(a.image().data()[p], b.image().data()[p], "pixel " + p + " of " + a.id());
                }
            }
        }
    }

    @Test
    void siteAppearsOnlyInItsSplits() {
        PhantomConfig cfg = PhantomConfig.defaults().withCount(200, 9)
                .withArtifacts(null, new PhantomConfig.Site(List.of("test"), 1.0, 0.7, 1.2, 3, true));
        PhantomResult r = Phantom.render(cfg);
        for (int i = 0; i < r.items().size(); i++) {
            PhantomItem it = r.items().get(i);
            assertEquals(it.split().equals("test"), it.site(), it.id());
            if (it.site()) {
                assertEquals(PhantomOverlays.OVERLAY_VALUE, r.dataset().get(i).image().data()[0], 1f / 255);
            }
        }
    }

    @Test
    void sixteenBitImagesAreFinerThanEightBit() {
        PhantomConfig cfg = new PhantomConfig(4, 32, 1, 0.5, 1, 4, 16, 0.02, null, null, null, null);
        float[] v = Phantom.generate(cfg).get(0).image().data();
        assertTrue(java.util.stream.IntStream.range(0, v.length)
                .anyMatch(i -> Math.abs(v[i] * 255 - Math.round(v[i] * 255)) > 1e-3));
    }

    @Test
    void configIsValidatedAndSerialisable() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PhantomConfig(0, 64, 1, 0.5, 1, 4, 8, 0.02, null, null, null, null));
        assertTrue(e.getMessage().contains("phantom.count") && e.getMessage().contains("got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PhantomConfig.Shortcut(1.5, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PhantomConfig.Site(List.of("external"), 1, 1, 1, 0, false));
        PhantomConfig cfg = BASE.withArtifacts(new PhantomConfig.Shortcut(0.9, 0.9, 0),
                new PhantomConfig.Site(List.of("test"), 0.5, 0.7, 1.2, 3, true));
        assertEquals(cfg, Json.mapper().readValue(Json.toJson(cfg), PhantomConfig.class));
    }

    private static boolean rowHasMask(Sample s, int y, Box b) {
        int w = s.image().width();
        for (int x = b.x0(); x < b.x1(); x++) {
            if (s.mask()[y * w + x] > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean colHasMask(Sample s, int x, Box b) {
        int w = s.image().width();
        for (int y = b.y0(); y < b.y1(); y++) {
            if (s.mask()[y * w + x] > 0) {
                return true;
            }
        }
        return false;
    }

    private static double mean(Sample s, Box b, boolean inMask) {
        int w = s.image().width();
        double sum = 0;
        int n = 0;
        for (int y = b.y0(); y < b.y1(); y++) {
            for (int x = b.x0(); x < b.x1(); x++) {
                if (!inMask || s.mask()[y * w + x] > 0) {
                    sum += s.image().data()[y * w + x];
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    static double correlation(float[] a, float[] b) {
        double ma = ImageMeasures.mean(a);
        double mb = ImageMeasures.mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
