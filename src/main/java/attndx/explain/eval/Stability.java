package attndx.explain.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import attndx.train.Perturbation;
import attndx.train.PerturbedBatch;
import attndx.train.Perturbations;
import attndx.train.WarpResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Explanation stability (seed section 9.2, equation of S): for a perturbation T with inverse map Pi,
 * {@code S(A(x), A(T x)) = 1 - ||A(x) - Pi(A(T x))||_1 / (||A(x)||_1 + eps)} (eps = 1e-6), both norms over the
 * reference pixels Pi defines (a shifted map has no value where the shift brought in new content), and
 * Spearman's rank correlation of A(x) and Pi(A(T x)) over the same pixels. T and Pi are the training code's
 * own ({@link Perturbations}, {@link attndx.train.InverseMap}), applied to the [0, 1] images before
 * normalisation, as in training; the target class stays the clean image's. An all-zero reference map has no S
 * (NaN: the image is counted as skipped in the summary).
 */
public final class Stability {
    static final double EPS = 1e-6;

    private Stability() {}

    /**
     * One method's figures.
     *
     * @param s per perturbation kind and "overall" (the mean over kinds per image), the summary of S
     * @param spearman the same for the rank correlation
     */
    public record Result(Map<String, Summary> s, Map<String, Summary> spearman) {}

    /** The perturbation kinds {@code cfg} enables, in order. */
    public static List<Perturbation> kinds(StabilityConfig cfg) {
        List<Perturbation> k = new ArrayList<>();
        if (cfg.contrastDelta() > 0) {
            k.add(Perturbations.contrast(cfg.contrastDelta()));
        }
        if (cfg.noiseStd() > 0) {
            k.add(Perturbations.noise(cfg.noiseStd()));
        }
        if (cfg.translationPixels() > 0) {
            k.add(Perturbations.translation(cfg.translationPixels(), cfg.translationStride()));
        }
        return k;
    }

    /**
     * S and the rank correlation of one method.
     *
     * @param clean the method's maps of the unperturbed images
     */
    public static Result run(NDManager parent, ExplainData d, int[] targets, String name, MapFunction method,
            float[][] clean, StabilityConfig cfg, PerImageScores scores) {
        Map<String, Summary> s = new LinkedHashMap<>();
        Map<String, Summary> rho = new LinkedHashMap<>();
        List<Perturbation> kinds = kinds(cfg);
        double[] overallS = new double[d.size()];
        double[] overallRho = new double[d.size()];
        for (Perturbation p : kinds) {
            double[][] v = kind(parent, d, targets, method, clean, p, new Random(cfg.seed()), cfg.batchSize());
            for (int i = 0; i < d.size(); i++) {
                overallS[i] += v[0][i] / kinds.size();
                overallRho[i] += v[1][i] / kinds.size();
            }
            s.put(p.name(), Summary.of(v[0], d.ids(), true));
            rho.put(p.name(), Summary.of(v[1], d.ids(), true));
            scores.put(name + ".stability." + p.name(), v[0]);
        }
        s.put("overall", Summary.of(overallS, d.ids(), true));
        rho.put("overall", Summary.of(overallRho, d.ids(), true));
        scores.put(name + ".stability", overallS);
        scores.put(name + ".stability-spearman", overallRho);
        return new Result(s, rho);
    }

    /** {S per image, rho per image} under one perturbation kind. */
    private static double[][] kind(NDManager parent, ExplainData d, int[] targets, MapFunction method,
            float[][] clean, Perturbation p, Random rng, int batchSize) {
        int n = d.size();
        int plane = d.height() * d.width();
        double[][] out = new double[2][n];
        for (int start = 0; start < n; start += batchSize) {
            int b = Math.min(batchSize, n - start);
            try (NDManager batch = parent.newSubManager()) {
                float[] flat = new float[b * d.raw()[0].length];
                for (int i = 0; i < b; i++) {
                    System.arraycopy(d.raw()[start + i], 0, flat, i * d.raw()[0].length, d.raw()[0].length);
                }
                NDArray x = batch.create(flat, new Shape(b, d.channels(), d.height(), d.width()));
                PerturbedBatch pb = p.apply(x, rng);
                float[] perturbed = pb.images().toFloatArray();
                float[][] inputs = new float[b][];
                int[] t = new int[b];
                for (int i = 0; i < b; i++) {
                    float[] img = new float[d.raw()[0].length];
                    System.arraycopy(perturbed, i * img.length, img, 0, img.length);
                    inputs[i] = d.normalise(img);
                    t[i] = targets[start + i];
                }
                float[][] maps = method.explain(inputs, t);
                float[] mapFlat = new float[b * plane];
                for (int i = 0; i < b; i++) {
                    System.arraycopy(maps[i], 0, mapFlat, i * plane, plane);
                }
                WarpResult back = pb.inverse().toReference(batch.create(mapFlat, new Shape(b, 1, d.height(), d.width())));
                float[] values = back.values().toFloatArray();
                float[] valid = back.valid().toFloatArray();
                for (int i = 0; i < b; i++) {
                    double[] r = compare(clean[start + i], values, valid, i * plane, plane);
                    out[0][start + i] = r[0];
                    out[1][start + i] = r[1];
                }
            }
        }
        return out;
    }

    /** {S, rho} of a reference map against the mapped-back map at {@code offset} over the valid pixels. */
    static double[] compare(float[] ref, float[] back, float[] valid, int offset, int plane) {
        double diff = 0;
        double norm = 0;
        int m = 0;
        for (int p = 0; p < plane; p++) {
            m += valid[offset + p] > 0.5f ? 1 : 0;
        }
        double[] a = new double[m];
        double[] c = new double[m];
        int j = 0;
        for (int p = 0; p < plane; p++) {
            if (valid[offset + p] > 0.5f) {
                diff += Math.abs(ref[p] - back[offset + p]);
                norm += Math.abs(ref[p]);
                a[j] = ref[p];
                c[j++] = back[offset + p];
            }
        }
        // An all-zero reference (a Grad-CAM map without positive evidence is zero after min-max scaling) has no
        // relative change: S would be -diff / eps, a huge negative number that swamps every mean. Undefined: NaN.
        double s = m == 0 || norm < EPS ? Double.NaN : 1 - diff / (norm + EPS);
        return new double[] {s, RankStatistics.spearman(a, c)};
    }
}
