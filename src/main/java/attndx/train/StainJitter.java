package attndx.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * HED stain jitter for RGB histopathology (Tellez et al., 2018): each pixel's optical density
 * {@code OD = -ln(max(x, 1e-6))} is unmixed into haematoxylin, eosin and DAB concentrations with the
 * Ruifrok-Johnston stain vectors M (rows H, E, DAB), {@code s = OD M^-1}; each stain is jittered,
 * {@code s'_k = a_k s_k + b_k} with {@code a_k} uniform in [1-sigma, 1+sigma] and {@code b_k} in
 * [-sigma, sigma] per sample; and the image is re-mixed, {@code x' = exp(-s' M)}, clipped to [0, 1].
 * The three steps fold into one per-sample 3 x 3 matrix and offset, applied as one batched
 * matrix product.
 */
final class StainJitter {
    /** Ruifrok &amp; Johnston (2001) optical-density vectors of haematoxylin, eosin and DAB (rows). */
    private static final double[][] STAINS = {{0.650, 0.704, 0.286}, {0.072, 0.990, 0.105}, {0.268, 0.570, 0.776}};
    private static final double[][] UNMIX = invert(STAINS);

    private StainJitter() {}

    /** Jitters a batch of RGB images (B x 3 x H x W). */
    static NDArray apply(NDArray images, double sigma, Random rng) {
        Shape s = images.getShape();
        int batch = (int) s.get(0);
        float[] mix = new float[batch * 9];
        float[] offset = new float[batch * 3];
        for (int b = 0; b < batch; b++) {
            double[] a = new double[3];
            double[] shift = new double[3];
            for (int k = 0; k < 3; k++) {
                a[k] = Perturbations.uniform(rng, 1 - sigma, 1 + sigma);
                shift[k] = Perturbations.uniform(rng, -sigma, sigma);
            }
            for (int out = 0; out < 3; out++) {
                for (int in = 0; in < 3; in++) {
                    double v = 0;
                    for (int k = 0; k < 3; k++) {
                        v += UNMIX[in][k] * a[k] * STAINS[k][out];
                    }
                    mix[b * 9 + out * 3 + in] = (float) v;
                }
                for (int k = 0; k < 3; k++) {
                    offset[b * 3 + out] += (float) (shift[k] * STAINS[k][out]);
                }
            }
        }
        NDArray od = images.maximum(1e-6f).log().neg().reshape(batch, 3, s.get(2) * s.get(3));
        NDArray mixed = images.getManager().create(mix, new Shape(batch, 3, 3)).matMul(od)
                .add(images.getManager().create(offset, new Shape(batch, 3, 1)));
        return mixed.neg().exp().clip(0, 1).reshape(s);
    }

    private static double[][] invert(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double[][] inv = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int r0 = (j + 1) % 3;
                int r1 = (j + 2) % 3;
                int c0 = (i + 1) % 3;
                int c1 = (i + 2) % 3;
                inv[i][j] = (m[r0][c0] * m[r1][c1] - m[r0][c1] * m[r1][c0]) / det;
            }
        }
        return inv;
    }
}
