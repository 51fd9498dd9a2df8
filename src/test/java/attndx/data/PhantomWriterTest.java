package attndx.data;

import static org.junit.jupiter.api.Assertions.*;

import attndx.core.AttndxException;
import attndx.core.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhantomWriterTest {
    private static final PhantomConfig CFG = PhantomConfig.defaults().withCount(24, 5)
            .withArtifacts(new PhantomConfig.Shortcut(0.9, 0.9, 0), null);

    @Test
    void sameSeedWritesByteIdenticalFiles(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        PhantomWriter.write(Phantom.render(CFG), a);
        PhantomWriter.write(Phantom.render(CFG), b);
        List<Path> files;
        try (Stream<Path> s = Files.walk(a)) {
            files = s.filter(Files::isRegularFile).map(a::relativize).sorted().toList();
        }
        assertEquals(24 * 2 + 4, files.size(), files.toString());
        for (Path f : files) {
            if (!f.toString().equals("phantom.json")) {
                assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
            }
        }
        JsonNode ja = Json.mapper().readTree(a.resolve("phantom.json").toFile());
        JsonNode jb = Json.mapper().readTree(b.resolve("phantom.json").toFile());
        assertEquals(ja.get("config"), jb.get("config"));
        assertEquals(ja.get("provenance").get("dataFingerprint"), jb.get("provenance").get("dataFingerprint"));
        assertEquals(CFG, Json.mapper().treeToValue(ja.get("config"), PhantomConfig.class));
    }

    @Test
    void manifestAndImagesMatchTheInMemoryDataset(@TempDir Path dir) throws Exception {
        PhantomResult r = Phantom.render(CFG);
        Path manifest = PhantomWriter.write(r, dir.resolve("ph"));
        List<String> lines = Files.readAllLines(manifest);
        assertEquals("path,label,patient_id,mask_path,bbox,split", lines.get(0));
        assertEquals(25, lines.size());
        Sample positive = r.dataset().samples().stream().filter(s -> s.label().index() == 1).findFirst().orElseThrow();
        String row = "images/" + positive.id() + ".png,lesion," + positive.patientId() + ",masks/" + positive.id()
                + ".png,\"" + BoxCodec.format(positive.boxes()) + "\"," + positive.split();
        assertTrue(lines.contains(row), row + " not in " + lines);
        Raster img = ImageIO.read(dir.resolve("ph/images/" + positive.id() + ".png").toFile()).getRaster();
        Raster mask = ImageIO.read(dir.resolve("ph/masks/" + positive.id() + ".png").toFile()).getRaster();
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals(positive.image().get(0, y, x) * 255, img.getSample(x, y, 0), 1e-3);
                assertEquals(positive.mask()[y * 64 + x] > 0 ? 255 : 0, mask.getSample(x, y, 0));
            }
        }
        JsonNode ds = Json.mapper().readTree(dir.resolve("ph/dataset.json").toFile());
        assertEquals("BINARY", ds.get("task").asText());
        assertEquals("[\"normal\",\"lesion\"]", ds.get("classNames").toString());
        List<String> truth = Files.readAllLines(dir.resolve("ph/truth.csv"));
        assertEquals("id,patient_id,split,label,lesions,marker_bbox,site", truth.get(0));
    }

    @Test
    void sixteenBitImagesKeepTheirLevels(@TempDir Path dir) throws Exception {
        PhantomResult r = Phantom.render(new PhantomConfig(2, 32, 3, 0.5, 1, 4, 16, 0.02, null, null, null, null));
        PhantomWriter.write(r, dir.resolve("ph"));
        Sample s = r.dataset().get(0);
        Raster img = ImageIO.read(dir.resolve("ph/images/" + s.id() + ".png").toFile()).getRaster();
        assertEquals(16, img.getSampleModel().getSampleSize(0));
        assertEquals(s.image().get(0, 10, 12) * 65535, img.getSample(12, 10, 0), 1e-2);
    }

    @Test
    void refusesNonEmptyFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.txt"), "x");
        AttndxException e = assertThrows(AttndxException.class, () -> PhantomWriter.write(Phantom.render(CFG), dir));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    }
}
