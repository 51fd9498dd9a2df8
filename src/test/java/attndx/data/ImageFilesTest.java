package attndx.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.core.AttndxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
    @TempDir
    Path dir;

    @Test
    void png8ScaledBy255() throws Exception {
        ImageTensor img = ImageFiles.read(TestImages.grey8(dir.resolve("a.png"), 3, 2, 40, "png"));
        assertEquals(1, img.channels());
        assertEquals(2, img.height());
        assertEquals(3, img.width());
        assertEquals(200 / 255f, img.get(0, 1, 2));
        assertEquals(40 / 255f, img.get(0, 0, 1));
    }

    @Test
    void png16ScaledBy65535() throws Exception {
        ImageTensor img = ImageFiles.read(TestImages.grey16(dir.resolve("b.png"), 2, 2, 20000));
        assertEquals(60000 / 65535f, img.get(0, 1, 1));
        assertEquals(20000 / 65535f, img.get(0, 0, 1));
    }

    @Test
    void tiffIsRead() throws Exception {
        ImageTensor img = ImageFiles.read(TestImages.grey8(dir.resolve("c.tif"), 2, 2, 50, "tiff"));
        assertEquals(150 / 255f, img.get(0, 1, 1));
    }

    @Test
    void jpegRgbHasThreeChannels() throws Exception {
        ImageTensor img = ImageFiles.read(TestImages.rgb(dir.resolve("d.jpg"), 8, 8, 0x808080, "jpg"));
        assertEquals(3, img.channels());
        // JPEG is lossy: a flat grey block stays within a couple of levels of 128.
        assertEquals(128 / 255f, img.get(1, 4, 4), 3 / 255f);
    }

    @Test
    void rgbPngKeepsChannelOrder() throws Exception {
        ImageTensor img = ImageFiles.read(TestImages.rgb(dir.resolve("e.png"), 1, 1, 0x0A141E, "png"));
        assertArrayEquals(new float[] {10 / 255f, 20 / 255f, 30 / 255f}, img.data());
    }

    @Test
    void maskIsBinaryAndSizeChecked() throws Exception {
        Path m = TestImages.grey8(dir.resolve("m.png"), 2, 2, 1, "png");
        float[] mask = ImageFiles.readMask(m, 2, 2);
        assertEquals("[0.0, 1.0, 1.0, 1.0]", Arrays.toString(mask));
        AttndxException e = assertThrows(AttndxException.class, () -> ImageFiles.readMask(m, 3, 2));
        assertTrue(e.getMessage().contains("m.png") && e.getMessage().contains("3x2"), e.getMessage());
    }

    @Test
    void corruptAndMissingImagesNameTheFile() throws Exception {
        Path good = TestImages.grey8(dir.resolve("g.png"), 16, 16, 1, "png");
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(assertThrows(AttndxException.class, () -> ImageFiles.read(cut)).getMessage().contains("cut.png"));
        Path text = Files.writeString(dir.resolve("t.png"), "not an image");
        assertTrue(assertThrows(AttndxException.class, () -> ImageFiles.read(text)).getMessage().contains("t.png"));
        assertTrue(assertThrows(AttndxException.class, () -> ImageFiles.read(dir.resolve("none.png")))
                .getMessage().contains("not found"));
    }
}
