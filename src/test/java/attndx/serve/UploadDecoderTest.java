package attndx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.data.ImageTensor;
import attndx.data.PngWriter;
import attndx.data.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Upload checks without a server: sizes read from headers, truncation, DICOM; engine-free. */
class UploadDecoderTest {
    private final UploadDecoder decoder = new UploadDecoder(1 << 20, 64);

    @Test
    void decodesAPngBitExactlyAsTheFileReaderWould() {
        ImageTensor img = ServeFixtures.phantoms(1, 4).get(0);
        ImageTensor back = decoder.decode(PngWriter.encode(img, 8), "a.png");
        assertEquals(64, back.width());
        assertEquals(Math.round(img.data()[100] * 255) / 255f, back.data()[100], 1e-7f);
    }

    @Test
    void readsTheDicomSizeFromItsHeaderBeforeDecoding() throws Exception {
        ApiException e = assertThrows(ApiException.class,
                () -> decoder.decode(Files.readAllBytes(SharedData.pydicom("CT_small.dcm")), "ct.dcm"));
        assertEquals(413, e.status());
        assertTrue(e.getMessage().contains("128x128"), e.getMessage());
        ImageTensor mr = new UploadDecoder(1 << 20, 128).decode(Files.readAllBytes(SharedData.pydicom("MR_small.dcm")),
                "mr.dcm");
        assertEquals(64, mr.height());
    }

    @Test
    void refusesTruncatedDicomAndJpeg() throws Exception {
        ApiException d = assertThrows(ApiException.class,
                () -> decoder.decode(Files.readAllBytes(SharedData.pydicom("MR_truncated.dcm")), "mr.dcm"));
        assertEquals(422, d.status());
        assertTrue(d.getMessage().contains("truncated") && d.getMessage().contains("'mr.dcm'"), d.getMessage());
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(ImageIO.read(new ByteArrayInputStream(PngWriter.encode(ServeFixtures.phantoms(1, 4).get(0), 8))),
                "jpeg", jpeg);
        byte[] cut = Arrays.copyOf(jpeg.toByteArray(), jpeg.size() / 2);
        ApiException j = assertThrows(ApiException.class, () -> decoder.decode(cut, "cut.jpg"));
        assertEquals(422, j.status(), j.getMessage());
    }
}
