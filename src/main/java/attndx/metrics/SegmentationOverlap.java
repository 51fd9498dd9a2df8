package attndx.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Dice and IoU of predicted lesion masks against the reference masks (the segmentation head of seed
 * section 4.1): per image, the prediction is {@code p >= 0.5} and
 * {@code Dice = 2 |P n M| / (|P| + |M|)}, {@code IoU = |P n M| / |P u M|}. As MONAI's
 * {@code ignore_empty}, an image whose reference mask is empty has no Dice (0/0 when the prediction is
 * empty too) and is left out of the means; it is counted, with how many of those the head still marked
 * a lesion on (false positives the means cannot show). An accumulator ({@link #update},
 * {@link #aggregate}) over images.
 */
public final class SegmentationOverlap {
    /** Probability at which a pixel counts as lesion. */
    public static final double THRESHOLD = 0.5;

    private double diceSum;
    private double iouSum;
    private int scored;
    private int empty;
    private int emptyWithLesion;

    /**
     * The figures of a split.
     *
     * @param dice mean Dice over the images with a non-empty mask (NaN when there is none)
     * @param iou mean IoU over the same images
     * @param images images with a non-empty mask, scored
     * @param emptyMasks images with an empty mask, left out of the means
     * @param emptyMasksWithLesion of those, images where the head marked at least one lesion pixel
     * @param warnings why a figure is NaN, empty otherwise
     */
    public record Report(double dice, double iou, int images, int emptyMasks, int emptyMasksWithLesion,
            List<String> warnings) {
        public Report {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Adds one image.
     *
     * @param probability predicted lesion probability per pixel
     * @param mask reference mask per pixel, lesion where {@code >= 0.5}
     */
    public void update(float[] probability, float[] mask) {
        if (probability.length != mask.length) {
            throw new IllegalArgumentException("segmentation overlap needs a prediction and a mask of one size, got "
                    + probability.length + " and " + mask.length + " pixels");
        }
        int both = 0;
        int predicted = 0;
        int reference = 0;
        for (int i = 0; i < mask.length; i++) {
            boolean p = probability[i] >= THRESHOLD;
            boolean m = mask[i] >= THRESHOLD;
            predicted += p ? 1 : 0;
            reference += m ? 1 : 0;
            both += p && m ? 1 : 0;
        }
        if (reference == 0) {
            empty++;
            emptyWithLesion += predicted > 0 ? 1 : 0;
            return;
        }
        scored++;
        diceSum += 2.0 * both / (predicted + reference);
        iouSum += (double) both / (predicted + reference - both);
    }

    /** The figures so far. */
    public Report aggregate() {
        List<String> warnings = new ArrayList<>();
        if (scored == 0) {
            warnings.add("segmentation Dice/IoU undefined: no image with a non-empty lesion mask (" + empty
                    + " empty masks)");
            return new Report(Double.NaN, Double.NaN, 0, empty, emptyWithLesion, warnings);
        }
        return new Report(diceSum / scored, iouSum / scored, scored, empty, emptyWithLesion, warnings);
    }
}
