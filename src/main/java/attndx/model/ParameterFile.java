package attndx.model;

import attndx.core.AttndxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Integrity checks of a saved parameter file, done before DJL reads it. DJL 0.36's loader
 * ({@code BaseModel.readParameters}) returns without an error when the file does not start with its
 * magic bytes "DJL@", and {@code PtModel.load} ignores that result: the network then keeps freshly
 * initialised weights and evaluates as if it were the trained model. Flipped bytes inside the file
 * are not detected by DJL at all (at best an array shape becomes absurd and the JVM runs out of
 * memory). Hence a SHA-256 of the file recorded in model.json at save time and compared at load.
 */
final class ParameterFile {
    private static final byte[] DJL_MAGIC = "DJL@".getBytes(StandardCharsets.US_ASCII);

    private ParameterFile() {}

    /** SHA-256 of {@code file} as 64 lower-case hex digits. */
    static String sha256(Path file) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new AttndxException("cannot read parameter file " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Checks {@code file} against the checksum recorded in {@code metadataFile}; with no recorded checksum
     * (a model.json from before checksums) only the magic bytes can be checked.
     *
     * @return a warning when the file could not be verified, else null
     * @throws AttndxException naming the file when it is not the file the model was saved with
     */
    static String verify(Path file, String expectedSha256, Path metadataFile) {
        if (expectedSha256 == null) {
            checkMagic(file);
            return metadataFile + " records no parametersSha256 (written before AttnDx checked parameter files):"
                    + " " + file.getFileName() + " is loaded unverified; saving the model again records it";
        }
        String found = sha256(file);
        if (!found.equals(expectedSha256)) {
            throw new AttndxException("parameter file " + file + " is not the one saved with " + metadataFile
                    + " (truncated, corrupt or swapped): its SHA-256 is " + found + ", model.json records "
                    + expectedSha256);
        }
        return null;
    }

    private static void checkMagic(Path file) {
        byte[] head = new byte[DJL_MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new AttndxException("cannot read parameter file " + file + ": " + e.getMessage(), e);
        }
        if (read < head.length || !Arrays.equals(head, DJL_MAGIC)) {
            throw new AttndxException("parameter file " + file + " is not a DJL parameter file (it does not start"
                    + " with \"DJL@\"): corrupt or replaced");
        }
    }
}
