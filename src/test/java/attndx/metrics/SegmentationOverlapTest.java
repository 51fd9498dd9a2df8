package attndx.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hand-computed Dice and IoU of 4-pixel masks, with the empty-mask cases. */
class SegmentationOverlapTest {
    @Test
    void diceAndIouAreMeansOverImagesWithALesion() {
        SegmentationOverlap s = new SegmentationOverlap();
        s.update(new float[] {0.9f, 0.6f, 0.1f, 0f}, new float[] {1, 0, 0, 0}); // P={0,1}, M={0}: Dice 2/3, IoU 1/2
        s.update(new float[] {0.9f, 0.9f, 0f, 0f}, new float[] {1, 1, 0, 0}); // exact: 1, 1
        s.update(new float[] {0f, 0f, 0.7f, 0f}, new float[] {0, 0, 0, 0}); // empty mask, lesion predicted
        s.update(new float[] {0f, 0f, 0f, 0f}, new float[] {0, 0, 0, 0}); // empty mask, nothing predicted
        SegmentationOverlap.Report r = s.aggregate();
        assertEquals((2.0 / 3 + 1) / 2, r.dice(), 1e-12);
        assertEquals((0.5 + 1) / 2, r.iou(), 1e-12);
        assertEquals(2, r.images());
        assertEquals(2, r.emptyMasks());
        assertEquals(1, r.emptyMasksWithLesion());
        assertTrue(r.warnings().isEmpty());
    }

    @Test
    void noLesionIsNanWithAWarningAndSizesMustMatch() {
        SegmentationOverlap s = new SegmentationOverlap();
        s.update(new float[] {0f, 0f}, new float[] {0, 0});
        SegmentationOverlap.Report r = s.aggregate();
        assertTrue(Double.isNaN(r.dice()) && Double.isNaN(r.iou()));
        assertEquals(1, r.warnings().size());
        assertThrows(IllegalArgumentException.class, () -> s.update(new float[3], new float[4]));
    }
}
