package attndx.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reference values come from pydicom 2.x on the same files: rescaled = pixel_array * slope + intercept;
 * windowed with the DICOM linear VOI formula, or min-max scaled when the file has no window.
 */
class DicomReaderTest {
    private static final float EPS = 1e-6f;

    @TempDir
    Path dir;

    @Test
    void ctSmallAppliesRescaleThenMinMax() {
        // CT_small.dcm: 128x128, PatientID 1CT1, slope 1, intercept -1024, no window;
        // rescaled range [-896, 1167]; rescaled (0,0) = -849, (10,20) = -839, (63,63) = 819.
        DicomReader.DicomImage d = DicomReader.read(SharedData.pydicom("CT_small.dcm"));
        assertEquals("1CT1", d.patientId());
        assertEquals("-1024", d.header().get("0028,1052"));
        ImageTensor img = d.image();
        assertEquals(1, img.channels());
        assertEquals(128, img.height());
        assertEquals(128, img.width());
        assertEquals((-849f + 896f) / 2063f, img.get(0, 0, 0), EPS);
        assertEquals((-839f + 896f) / 2063f, img.get(0, 10, 20), EPS);
        assertEquals((819f + 896f) / 2063f, img.get(0, 63, 63), EPS);
    }

    @Test
    void mrSmallAppliesWindow() {
        // MR_small.dcm: 64x64, PatientID 4MR1, window centre 600 width 1600; raw (0,0)=905, (10,20)=316, (63,63)=862.
        DicomReader.DicomImage d = DicomReader.read(SharedData.pydicom("MR_small.dcm"));
        assertEquals("4MR1", d.patientId());
        ImageTensor img = d.image();
        assertEquals(64, img.height());
        assertEquals(64, img.width());
        assertEquals(0.6910569105691057, img.get(0, 0, 0), EPS);
        assertEquals(0.3227016885553471, img.get(0, 10, 20), EPS);
        assertEquals(0.6641651031894934, img.get(0, 63, 63), EPS);
    }

    @Test
    void implicitAndBigEndianSyntaxesGiveTheSamePixels() {
        ImageTensor explicit = DicomReader.read(SharedData.pydicom("MR_small.dcm")).image();
        assertArrayEquals(explicit.data(), DicomReader.read(SharedData.pydicom("MR_small_implicit.dcm")).image().data());
        assertArrayEquals(explicit.data(), DicomReader.read(SharedData.pydicom("MR_small_bigendian.dcm")).image().data());
    }

    @Test
    void rgbFileHasThreeChannels() {
        // SC_rgb_small_odd.dcm: 3x3 RGB, PatientID "ID1"; pydicom pixel_array[0,0] = (166,141,52), [1,2] = (63,87,176).
        DicomReader.DicomImage d = DicomReader.read(SharedData.pydicom("SC_rgb_small_odd.dcm"));
        ImageTensor img = d.image();
        assertEquals(3, img.channels());
        assertEquals("ID1", d.patientId());
        assertArrayEquals(new float[] {166 / 255f, 141 / 255f, 52 / 255f},
                new float[] {img.get(0, 0, 0), img.get(1, 0, 0), img.get(2, 0, 0)});
        assertArrayEquals(new float[] {63 / 255f, 87 / 255f, 176 / 255f},
                new float[] {img.get(0, 1, 2), img.get(1, 1, 2), img.get(2, 1, 2)});
    }

    @Test
    void windowFormulaMatchesTheStandard() {
        // centre 0, width 3: lo = -1.5, hi = 0.5; x=0 -> (0+0.5)/2+0.5 = 0.75.
        float[] v = {-2f, -1.5f, 0f, 0.5f, 0.6f};
        DicomReader.applyWindow(v, 0, 3);
        assertArrayEquals(new float[] {0f, 0f, 0.75f, 1f, 1f}, v, EPS);
    }

    @Test
    void compressedSyntaxesAreRefusedClearly() {
        for (String name : new String[] {"JPEG2000.dcm", "MR_small_RLE.dcm"}) {
            Path f = SharedData.pydicom(name);
            AttndxException e = assertThrows(AttndxException.class, () -> DicomReader.read(f));
            assertTrue(e.getMessage().contains("compressed") && e.getMessage().contains(name), e.getMessage());
        }
    }

    @Test
    void truncatedFileIsAnError() {
        AttndxException e = assertThrows(AttndxException.class,
                () -> DicomReader.read(SharedData.pydicom("MR_truncated.dcm")));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("MR_truncated.dcm"), e.getMessage());
    }

    @Test
    void missingAndNonDicomFilesAreErrors() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.dcm"), "not a dicom file at all");
        assertTrue(assertThrows(AttndxException.class, () -> DicomReader.read(junk)).getMessage().contains("junk.dcm"));
        assertTrue(assertThrows(AttndxException.class, () -> DicomReader.read(dir.resolve("nope.dcm")))
                .getMessage().contains("not found"));
        AttndxException noPixels = assertThrows(AttndxException.class,
                () -> DicomReader.read(SharedData.pydicom("rtplan.dcm")));
        assertTrue(noPixels.getMessage().contains("no readable image"), noPixels.getMessage());
    }

    @Test
    void headerWithoutPatientIdGivesNull() {
        assertNull(DicomHeader.parse("0002,0010  Transfer Syntax UID: 1.2.840.10008.1.2.1\n").get("0010,0020"));
    }
}
