package attndx.model;

import attndx.kernels.ModelRunner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import attndx.core.AttndxException;
import attndx.core.Provenance;
import attndx.data.Preprocessing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosisModelPersistenceTest {
    @TempDir
    Path dir;

    private static DiagnosisModel tinyModel() {
        ModelConfig config = NetworkFixtures.tiny("attn-multiscale", 2).withSegmentationHead(true);
        return DiagnosisModel.create(config, Preprocessing.defaults(), List.of("normal", "lesion"),
                Provenance.capture("model", Map.of("test", true), "", 7), 7);
    }

    private static float[][] images(int n) {
        Random r = new Random(3);
        float[][] x = new float[n][28 * 28];
        for (float[] img : x) {
            for (int i = 0; i < img.length; i++) {
                img[i] = r.nextFloat();
            }
        }
        return x;
    }

    @Test
    void saveLoadReproducesOutputsBitForBit() {
        float[][] x = images(3);
        Prediction before;
        try (DiagnosisModel m = tinyModel()) {
            // same batch size as below: CPU kernels may sum in another order for another batch size
            before = new ModelRunner(m, 3).predict(x, 1, 28, 28);
            m.save(dir);
        }
        assertTrue(Files.isRegularFile(dir.resolve("attndx-0000.params")));
        try (DiagnosisModel loaded = DiagnosisModel.load(dir)) {
            Prediction after = new ModelRunner(loaded, 3).predict(x, 1, 28, 28);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(before.logits()[i], after.logits()[i]);
                assertArrayEquals(before.attention()[i], after.attention()[i]);
            }
            assertEquals(List.of("normal", "lesion"), loaded.metadata().classNames());
            assertEquals(Preprocessing.defaults(), loaded.metadata().preprocessing());
            assertEquals(loaded.config(), NetworkFixtures.tiny("attn-multiscale", 2).withSegmentationHead(true));
            assertEquals(7, loaded.metadata().provenance().seed());
            assertNull(loaded.metadata().temperature());
            assertTrue(loaded.network().getParameters().values().stream()
                    .filter(p -> p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR)
                    .allMatch(p -> p.getArray().hasGradient()), "loaded weights must accept gradients");
        }
    }

    @Test
    void temperatureUpdateRewritesOnlyTheMetadata() throws IOException {
        try (DiagnosisModel m = tinyModel()) {
            m.save(dir);
            byte[] params = Files.readAllBytes(dir.resolve("attndx-0000.params"));
            DiagnosisModel calibrated = m.withTemperature(1.5);
            calibrated.saveMetadata(dir);
            assertArrayEquals(params, Files.readAllBytes(dir.resolve("attndx-0000.params")));
            Prediction p = new ModelRunner(calibrated, 4).predict(images(1), 1, 28, 28);
            float[] l = p.logits()[0];
            double e0 = Math.exp(l[0] / 1.5);
            double e1 = Math.exp(l[1] / 1.5);
            assertEquals(e1 / (e0 + e1), p.probabilities()[0][1], 1e-6);
        }
        assertEquals(1.5, DiagnosisModel.readMetadata(dir).temperature());
    }

    @Test
    void unknownFormatVersionIsAClearError() throws IOException {
        try (DiagnosisModel m = tinyModel()) {
            m.save(dir);
        }
        Path json = dir.resolve("model.json");
        Files.writeString(json, Files.readString(json).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
        AttndxException e = assertThrows(AttndxException.class, () -> DiagnosisModel.load(dir));
        assertTrue(e.getMessage().contains("model.json") && e.getMessage().contains("99"), e.getMessage());
    }

    @Test
    void truncatedParameterFileIsAClearErrorNamingTheFile() throws IOException {
        try (DiagnosisModel m = tinyModel()) {
            m.save(dir);
        }
        Path params = dir.resolve("attndx-0000.params");
        byte[] all = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(all, all.length / 2));
        AttndxException e = assertThrows(AttndxException.class, () -> DiagnosisModel.load(dir));
        assertTrue(e.getMessage().contains("attndx-0000.params"), e.getMessage());
    }

    @Test
    void parametersOfAnotherConfigAreRejected() throws IOException {
        try (DiagnosisModel m = tinyModel()) {
            m.save(dir);
        }
        Path json = dir.resolve("model.json");
        Files.writeString(json, Files.readString(json).replace("\"dropout\" : 0.0", "\"dropout\" : 0.5"));
        AttndxException e = assertThrows(AttndxException.class, () -> DiagnosisModel.load(dir));
        assertTrue(e.getMessage().contains("different model config"), e.getMessage());
    }

    @Test
    void modelJsonRecordsTheChecksumOfTheParameterFile() throws IOException {
        try (DiagnosisModel m = tinyModel()) {
            m.save(dir);
            String sha = DiagnosisModel.readMetadata(dir).parametersSha256();
            assertEquals(hex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(dir.resolve("attndx-0000.params")))), sha);
            assertEquals(sha, m.metadata().parametersSha256(), "the saved model's metadata carries it too");
            m.withTemperature(1.2).saveMetadata(dir);
            assertEquals(sha, DiagnosisModel.readMetadata(dir).parametersSha256(), "a temperature update keeps it");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        try (DiagnosisModel loaded = DiagnosisModel.load(dir)) {
            assertEquals(List.of(), loaded.warnings());
        }
    }

    @Test
    void randomBytesInsteadOfTheParameterFileAreRejected() throws IOException {
        // DJL's loader silently keeps freshly initialised weights for a file without its magic bytes
        try (DiagnosisModel m = tinyModel()) {
            m.save(dir);
        }
        byte[] junk = new byte[1000];
        new Random(1).nextBytes(junk);
        Files.write(dir.resolve("attndx-0000.params"), junk);
        AttndxException e = assertThrows(AttndxException.class, () -> DiagnosisModel.load(dir));
        assertTrue(e.getMessage().contains("attndx-0000.params") && e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void corruptedBytesInsideTheParameterFileAreRejected() throws IOException {
        try (DiagnosisModel m = tinyModel()) {
            m.save(dir);
        }
        Path params = dir.resolve("attndx-0000.params");
        byte[] all = Files.readAllBytes(params);
        all[all.length - 100] ^= 0x01; // one bit of one weight
        Files.write(params, all);
        AttndxException e = assertThrows(AttndxException.class, () -> DiagnosisModel.load(dir));
        assertTrue(e.getMessage().contains("attndx-0000.params") && e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void parameterFileOfAnotherModelWithTheSameConfigIsRejected(@TempDir Path other) throws IOException {
        try (DiagnosisModel m = tinyModel()) {
            m.save(dir);
        }
        ModelConfig config = NetworkFixtures.tiny("attn-multiscale", 2).withSegmentationHead(true);
        try (DiagnosisModel m = DiagnosisModel.create(config, Preprocessing.defaults(), List.of("normal", "lesion"),
                Provenance.capture("model", Map.of("test", true), "", 8), 8)) {
            m.save(other);
        }
        Files.copy(other.resolve("attndx-0000.params"), dir.resolve("attndx-0000.params"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        AttndxException e = assertThrows(AttndxException.class, () -> DiagnosisModel.load(dir));
        assertTrue(e.getMessage().contains("swapped"), e.getMessage());
    }

    @Test
    void modelJsonWithoutChecksumLoadsWithAWarningButStillRejectsAForeignFile() throws IOException {
        try (DiagnosisModel m = tinyModel()) {
            m.save(dir);
        }
        Path json = dir.resolve("model.json");
        String withSha = Files.readString(json);
        String old = withSha.replaceAll(",\\s*\"parametersSha256\" : \"[0-9a-f]{64}\"", "");
        assertTrue(!old.contains("parametersSha256"), old);
        Files.writeString(json, old);
        try (DiagnosisModel loaded = DiagnosisModel.load(dir)) {
            assertEquals(1, loaded.warnings().size());
            assertTrue(loaded.warnings().get(0).contains("attndx-0000.params"), loaded.warnings().get(0));
        }
        byte[] junk = new byte[1000];
        new Random(1).nextBytes(junk);
        Files.write(dir.resolve("attndx-0000.params"), junk);
        AttndxException e = assertThrows(AttndxException.class, () -> DiagnosisModel.load(dir));
        assertTrue(e.getMessage().contains("DJL@"), e.getMessage());
    }

    /**
     * A model saved before the pooling was recorded (neither model.json nor the parameter file's copy of the
     * config has the field) was trained with the weighted mean: it loads with that pooling, not the presets'
     * current one, and gives the same outputs. The old files are made by deleting the field from new ones.
     */
    @Test
    void modelSavedBeforePoolingWasRecordedKeepsTheWeightedMean() throws IOException {
        float[][] x = images(2);
        Prediction before;
        ModelConfig weighted = NetworkFixtures.tiny("attn-multiscale", 2).withPooling(ModelConfig.Pooling.WEIGHTED_MEAN);
        try (DiagnosisModel m = DiagnosisModel.create(weighted, Preprocessing.defaults(), List.of("normal", "lesion"),
                Provenance.capture("model", Map.of("test", true), "", 7), 7)) {
            before = new ModelRunner(m, 2).predict(x, 1, 28, 28);
            m.save(dir);
        }
        String field = ",\\s*\"pooling\" : \"WEIGHTED_MEAN\"";
        Path json = dir.resolve("model.json");
        String old = Files.readString(json).replaceAll(field, "")
                .replaceAll(",\\s*\"parametersSha256\" : \"[0-9a-f]{64}\"", "");
        assertTrue(!old.contains("pooling"), old);
        Files.writeString(json, old);
        Path params = dir.resolve("attndx-0000.params");
        Files.write(params, withoutField(Files.readAllBytes(params), field));
        try (DiagnosisModel loaded = DiagnosisModel.load(dir)) {
            assertEquals(ModelConfig.Pooling.WEIGHTED_MEAN, loaded.config().pooling());
            Prediction after = new ModelRunner(loaded, 2).predict(x, 1, 28, 28);
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(before.logits()[i], after.logits()[i]);
            }
        }
    }

    /** The parameter file with {@code field} removed from its config, a Java modified-UTF-8 string. */
    private static byte[] withoutField(byte[] file, String field) {
        String text = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        int start = text.indexOf("{\n  \"preset\"");
        assertTrue(start > 2, "config string not found in the parameter file");
        int length = ((file[start - 2] & 0xff) << 8) | (file[start - 1] & 0xff);
        String config = text.substring(start, start + length);
        String stripped = config.replaceAll(field, "");
        assertTrue(stripped.length() < config.length(), config);
        byte[] out = new byte[file.length - config.length() + stripped.length()];
        System.arraycopy(file, 0, out, 0, start - 2);
        out[start - 2] = (byte) (stripped.length() >> 8);
        out[start - 1] = (byte) stripped.length();
        byte[] s = stripped.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(s, 0, out, start, s.length);
        System.arraycopy(file, start + length, out, start + s.length, file.length - start - length);
        return out;
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
