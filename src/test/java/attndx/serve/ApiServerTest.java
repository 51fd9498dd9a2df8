package attndx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attndx.data.ImageTensor;
import attndx.data.LoadOptions;
import attndx.data.MedMnistLoader;
import attndx.data.PngWriter;
import attndx.data.SharedData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API on loopback with a tiny random attention model: real images (phantom PNG and JPEG, a
 * PneumoniaMNIST image as PNG, pydicom's CT sample), the model card, and every bad input of the issue, each a 4xx
 * JSON error after which the server still answers.
 */
class ApiServerTest {
    private static final long MAX_UPLOAD = 256 * 1024;
    @TempDir
    static Path tmp;
    private static DiagnosisService service;
    private static ApiServer server;
    private static Http http;
    private static byte[] phantomPng;

    @BeforeAll
    static void start() throws Exception {
        Path dir = ServeFixtures.model(tmp.resolve("model"), "attn-multiscale", 1.4,
                ServeFixtures.decision(0.75, 0.4));
        service = DiagnosisService.load(dir);
        server = ApiServer.start(service, dir, new ServeConfig("127.0.0.1", 0, MAX_UPLOAD, 4096, 2, 4));
        http = new Http(server.port());
        phantomPng = PngWriter.encode(ServeFixtures.phantoms(1, 11).get(0), 8);
    }

    @AfterAll
    static void stop() {
        server.close();
        service.close();
    }

    @AfterEach
    void stillServing() throws Exception {
        assertEquals(200, http.get("/health").status(), "the server keeps serving after every case");
    }

    @Test
    void healthAndModelCard() throws Exception {
        assertEquals("ok", http.get("/health").json().get("status").asText());
        Http.Reply card = http.get("/api/v1/model");
        assertEquals(200, card.status());
        assertEquals("[\"normal\",\"lesion\"]", card.json().get("classes").toString());
        assertEquals("attn-multiscale", card.json().get("preset").asText());
        assertEquals(1.4, card.json().get("temperature").asDouble(), 1e-12);
        assertEquals(0.75, card.json().at("/decision/tau").asDouble(), 1e-12);
        assertEquals(0.4, card.json().at("/decision/operatingThreshold").asDouble(), 1e-12);
        assertEquals("fixture", card.json().get("trainingData").asText());
        assertEquals("model", card.json().at("/provenance/kind").asText());
        assertEquals("[\"attention\",\"grad-cam\"]", card.json().get("explanations").toString());
    }

    @Test
    void predictsAPhantomPngWithCalibratedProbabilitiesAndBothMaps() throws Exception {
        Http.Reply r = http.upload(ApiServer.FIELD, "phantom.png", "image/png", phantomPng);
        assertEquals(200, r.status(), r.body());
        var study = r.json().get("study");
        double p0 = study.at("/probabilities/normal").asDouble();
        double p1 = study.at("/probabilities/lesion").asDouble();
        assertEquals(1.0, p0 + p1, 1e-5);
        assertEquals(p0 < 0.75 && p1 < 0.75, study.get("refer").asBoolean(), "refer below tau 0.75: " + study);
        assertEquals(p1 >= 0.4, study.get("expedite").asBoolean(), "expedite at the operating point 0.4: " + study);
        assertTrue(study.get("calibrated").asBoolean());
        assertEquals("attention", study.get("explanation").asText());
        assertEquals(32, r.json().get("width").asInt());
        for (String map : new String[] {"attention", "grad-cam"}) {
            BufferedImage m = png(r.json().at("/maps/" + map).asText());
            assertEquals(32, m.getWidth(), map);
            assertTrue(m.getColorModel().hasAlpha(), map + " carries the map value as alpha");
        }
        assertEquals(32, png(r.json().get("image").asText()).getHeight());
    }

    @Test
    void predictsAJpegAPneumoniaMnistImageAndADicom() throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(ImageIO.read(new ByteArrayInputStream(phantomPng)), "jpeg", jpeg);
        assertEquals(200, http.upload(ApiServer.FIELD, "phantom.jpg", "image/jpeg", jpeg.toByteArray()).status());
        ImageTensor xray = MedMnistLoader.load(SharedData.pneumoniaMnist(), LoadOptions.defaults()).dataset().get(0)
                .image();
        Http.Reply x = http.upload(ApiServer.FIELD, "pneumonia.png", "image/png", PngWriter.encode(xray, 8));
        assertEquals(200, x.status(), x.body());
        Http.Reply d = http.upload(ApiServer.FIELD, "CT_small.dcm", "application/dicom",
                Files.readAllBytes(SharedData.pydicom("CT_small.dcm")));
        assertEquals(200, d.status(), d.body());
        assertNotNull(d.json().at("/study/shiftScore").asText());
    }

    @Test
    void refusesNonImagesTruncatedFilesAndHugeDimensions() throws Exception {
        assertError(415, "not a PNG, JPEG or DICOM",
                http.upload(ApiServer.FIELD, "notes.png", "image/png", "hello, not an image".getBytes(StandardCharsets.UTF_8)));
        assertError(422, "truncated or corrupt",
                http.upload(ApiServer.FIELD, "cut.png", "image/png", Arrays.copyOf(phantomPng, phantomPng.length / 2)));
        assertError(413, "60000x60000", http.upload(ApiServer.FIELD, "huge.png", "image/png", hugePngHeader(60000)));
        assertError(413, "limit", http.upload(ApiServer.FIELD, "big.png", "image/png", new byte[(int) MAX_UPLOAD + 1]));
    }

    @Test
    void refusesWrongChannelsDicomWithoutPixelsAndEmptyUploads() throws Exception {
        BufferedImage rgb = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(3, 3, 0xFF0000);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(rgb, "png", b);
        assertError(422, "1-channel", http.upload(ApiServer.FIELD, "colour.png", "image/png", b.toByteArray()));
        assertError(422, "no readable image pixel data", http.upload(ApiServer.FIELD, "rtplan.dcm", "application/dicom",
                Files.readAllBytes(SharedData.pydicom("rtplan.dcm"))));
        assertError(400, "empty", http.upload(ApiServer.FIELD, "empty.png", "image/png", new byte[0]));
    }

    @Test
    void refusesWrongFieldsBodiesAndPaths() throws Exception {
        assertError(400, "no file in multipart field 'image'",
                http.upload("file", "phantom.png", "image/png", phantomPng));
        assertError(415, "multipart/form-data", http.post("application/json", "{}".getBytes(StandardCharsets.UTF_8)));
        assertError(400, "multipart", http.post("multipart/form-data; boundary=" + Http.BOUNDARY, new byte[0]));
        assertError(415, "declared as 'text/plain'", http.upload(ApiServer.FIELD, "phantom.png", "text/plain", phantomPng));
        assertError(404, "no such endpoint", http.get("/api/v1/nothing"));
    }

    private static void assertError(int status, String text, Http.Reply r) {
        assertEquals(status, r.status(), r.body());
        assertNotNull(r.json(), "JSON error body: " + r.body());
        assertEquals(status, r.json().get("status").asInt());
        assertTrue(r.json().get("error").asText().contains(text), r.body());
    }

    private static BufferedImage png(String base64) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    /** A PNG signature and an IHDR claiming side x side grey pixels, with no image data. */
    static byte[] hugePngHeader(int side) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(side).putInt(side).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer b = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        CRC32 end = new CRC32();
        end.update("IEND".getBytes(StandardCharsets.US_ASCII));
        b.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt((int) end.getValue());
        return b.array();
    }
}
