package attndx.report;

import attndx.core.AttndxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** What the page embeds: its style sheet (a class-path resource) and the audit's overlay PNGs as data URIs. */
final class ReportAssets {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ReportAssets() {}

    static String css() {
        try (InputStream in = ReportAssets.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read report.css from the jar", e);
        }
    }

    /** A PNG file as a data URI; a file that is not a PNG is an error naming it (a broken image helps no one). */
    static String png(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < PNG_SIGNATURE.length
                    || !java.util.Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
                throw new AttndxException(file + " is not a PNG image (corrupt overlay?)");
            }
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw new AttndxException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
