package attndx.data;

import java.util.List;
import java.util.Objects;

/**
 * One dataset item.
 *
 * @param id stable identifier, unique within its dataset
 * @param image the image (C x H x W, intensities in [0,1])
 * @param label the image-level label
 * @param patientId the patient the image belongs to (images of one patient always share a split)
 * @param mask optional lesion mask, H*W values in {0,1}, same H and W as the image; null when absent
 * @param boxes lesion boxes (empty when none are known)
 * @param source where the item came from (file path, "file.npz#train[12]", ...)
 * @param split explicit split name from the source ("train", "val", "test"), or null
 */
public record Sample(String id, ImageTensor image, Label label, String patientId, float[] mask,
        List<Box> boxes, String source, String split) {

    public Sample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(patientId, "patientId");
        boxes = boxes == null ? List.of() : List.copyOf(boxes);
        if (mask != null && mask.length != image.pixels()) {
            throw new IllegalArgumentException("mask of " + source + " has " + mask.length
                    + " values, image is " + image.height() + "x" + image.width());
        }
    }

    /** Whether a pixel mask is present. */
    public boolean hasMask() {
        return mask != null;
    }

    /** A copy with another split name. */
    public Sample withSplit(String newSplit) {
        return new Sample(id, image, label, patientId, mask, boxes, source, newSplit);
    }

    /** A copy with another image (and the same mask), e.g. after preprocessing. */
    public Sample withImage(ImageTensor newImage, float[] newMask, List<Box> newBoxes) {
        return new Sample(id, newImage, label, patientId, newMask, newBoxes, source, split);
    }
}
