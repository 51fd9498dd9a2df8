package attndx.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The phantom benchmark: synthetic chest-like images with exact lesion ground truth, an optional
 * label-correlated shortcut marker and an optional shifted site (seed sections 9.3 and 10.3).
 *
 * <p>Use {@link #generate(PhantomConfig)} in tests anywhere in the project: it is deterministic (same
 * config, same pixels) and fast (a few hundred 64x64 images take a few tens of milliseconds), e.g.
 * {@code Phantom.generate(PhantomConfig.defaults().withCount(100, 7))}. {@link #render(PhantomConfig)} also
 * returns what was drawn on each image (marker, site), and {@link PhantomWriter} writes it as a folder.
 *
 * <p>Structure: patients of 1-4 images share a background ({@link PhantomAnatomy}); a patient is
 * either normal or a lesion patient (all its images carry the same 1..max lesions, each image a
 * follow-up with small changes), so image labels are patient labels; patients are split with
 * {@link Splitter} (stratified by label); the marker is drawn per image with the probabilities of
 * {@link PhantomConfig.Shortcut}; site membership is per patient. Each random decision has its own seed
 * stream, so turning the marker or the site on leaves all other pixels unchanged.
 */
public final class Phantom {
    /** Class names: index 1 is the finding. */
    public static final List<String> CLASS_NAMES = List.of("normal", "lesion");
    private static final long PATIENTS = 1;
    private static final long LABELS = 2;
    private static final long PATIENT = 3;
    private static final long IMAGE = 4;
    private static final long MARKER = 5;
    private static final long SITE = 6;

    private Phantom() {}

    /** The phantom dataset of {@code config}. */
    public static Dataset generate(PhantomConfig config) {
        return render(config).dataset();
    }

    /** The phantom dataset of {@code config} together with the per-image ground truth. */
    public static PhantomResult render(PhantomConfig c) {
        int[] sizes = patientSizes(c);
        boolean[] positive = patientLabels(c, sizes);
        Map<String, Integer> strata = new LinkedHashMap<>();
        for (int p = 0; p < sizes.length; p++) {
            strata.put(patientId(p), positive[p] ? 1 : 0);
        }
        Map<String, String> splits = new Splitter(c.ratios(), c.seed()).assignPatients(strata);
        List<Sample> samples = new ArrayList<>(c.count());
        List<PhantomItem> items = new ArrayList<>(c.count());
        DatasetInfo info = new DatasetInfo("phantom", TaskType.BINARY, CLASS_NAMES, 1, "phantom(seed=" + c.seed() + ")");
        int image = 0;
        for (int p = 0; p < sizes.length; p++) {
            String pid = patientId(p);
            String split = splits.get(pid);
            SplittableRandom rng = new SplittableRandom(Seeds.derive(c.seed(), PATIENT, p));
            PhantomAnatomy.Background bg = PhantomAnatomy.draw(c.size(), rng);
            List<PhantomLesion> lesions = new ArrayList<>();
            int n = positive[p] ? 1 + rng.nextInt(c.lesions().max()) : 0;
            for (int l = 0; l < n; l++) {
                lesions.add(PhantomLesion.random(bg.lungs(), c.size(), c.lesions(), rng));
            }
            boolean site = c.site() != null && c.site().splits().contains(split)
                    && new SplittableRandom(Seeds.derive(c.seed(), SITE, p)).nextDouble() < c.site().fraction();
            for (int i = 0; i < sizes[p]; i++, image++) {
                String id = String.format("img%05d", image);
                Drawn d = drawImage(c, image, bg, lesions, site, split, positive[p]);
                samples.add(new Sample(id, new ImageTensor(1, c.size(), c.size(), d.pixels()),
                        Label.of(positive[p] ? 1 : 0), pid, d.mask(), d.boxes(), "phantom:" + id, split));
                items.add(new PhantomItem(id, pid, split, positive[p], lesions.size(), d.marker(), site));
            }
        }
        return new PhantomResult(c, new InMemoryDataset(info, samples), items);
    }

    private record Drawn(float[] pixels, float[] mask, List<Box> boxes, Box marker) {}

    private static Drawn drawImage(PhantomConfig c, int image, PhantomAnatomy.Background bg,
            List<PhantomLesion> lesions, boolean site, String split, boolean positive) {
        int s = c.size();
        SplittableRandom r = new SplittableRandom(Seeds.derive(c.seed(), IMAGE, image));
        int dx = r.nextInt(3) - 1;
        int dy = r.nextInt(3) - 1;
        float[] img = PhantomAnatomy.shifted(bg.pixels(), s, dx, dy);
        float gain = (float) PhantomAnatomy.u(r, 0.9, 1.1);
        float offset = (float) PhantomAnatomy.u(r, -0.04, 0.04);
        for (int i = 0; i < img.length; i++) {
            img[i] = gain * img[i] + offset;
        }
        float[] mask = new float[s * s];
        List<Box> boxes = new ArrayList<>();
        for (PhantomLesion l : lesions) {
            Box b = l.followUp(r, dx, dy).paint(img, mask, s);
            if (b != null) {
                boxes.add(b);
            }
        }
        if (site) {
            PhantomOverlays.siteIntensity(img, c.site());
        }
        double sigma = c.noise() * PhantomAnatomy.u(r, 0.3, 1.0);
        for (int i = 0; i < img.length; i++) {
            img[i] += (float) (sigma * r.nextGaussian());
        }
        if (site) {
            PhantomOverlays.siteOverlay(img, s, c.site(), r);
        }
        Box marker = null;
        if (c.shortcut() != null && new SplittableRandom(Seeds.derive(c.seed(), MARKER, image)).nextDouble()
                < c.shortcut().markerProbability(split, positive)) {
            marker = PhantomOverlays.drawMarker(img, s);
        }
        quantise(img, c.bitDepth());
        return new Drawn(img, mask, boxes, marker);
    }

    /** Clamps to [0,1] and rounds to the PNG grid, so that memory and disk hold the same values. */
    private static void quantise(float[] img, int bitDepth) {
        float max = bitDepth == 16 ? 65535f : 255f;
        for (int i = 0; i < img.length; i++) {
            img[i] = Math.round(Math.min(1f, Math.max(0f, img[i])) * max) / max;
        }
    }

    /** Images per patient, drawn until the count is reached (the last patient may be smaller). */
    private static int[] patientSizes(PhantomConfig c) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(c.seed(), PATIENTS));
        List<Integer> sizes = new ArrayList<>();
        int total = 0;
        while (total < c.count()) {
            int n = c.minImagesPerPatient() + rng.nextInt(c.maxImagesPerPatient() - c.minImagesPerPatient() + 1);
            n = Math.min(n, c.count() - total);
            sizes.add(n);
            total += n;
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Patient labels: patients in a seeded random order become lesion patients while that does not
     * overshoot round(count * positiveFraction) lesion images (greedy, so usually exact).
     */
    private static boolean[] patientLabels(PhantomConfig c, int[] sizes) {
        int[] order = new int[sizes.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(Seeds.derive(c.seed(), LABELS));
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        long target = Math.round(c.count() * c.positiveFraction());
        boolean[] positive = new boolean[sizes.length];
        long sum = 0;
        for (int p : order) {
            if (sum + sizes[p] <= target) {
                positive[p] = true;
                sum += sizes[p];
            }
        }
        return positive;
    }

    private static String patientId(int p) {
        return String.format("pat%04d", p);
    }
}
