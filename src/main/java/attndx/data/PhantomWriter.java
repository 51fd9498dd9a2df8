package attndx.data;

import attndx.core.AttndxException;
import attndx.core.Json;
import attndx.core.Provenance;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link PhantomResult} in the AttnDx folder + CSV manifest layout (see manifest-format):
 * {@code images/<id>.png} and {@code masks/<id>.png} (every image has a mask, all zero for normal
 * images, nonzero 255 = lesion), {@code manifest.csv} with columns
 * {@code path,label,patient_id,mask_path,bbox,split}, {@code dataset.json}, {@code truth.csv}
 * ({@code id,patient_id,split,label,lesions,marker_bbox,site}: what was drawn beyond the manifest) and
 * {@code phantom.json} (the resolved config and its {@link Provenance}, whose data fingerprint is the
 * SHA-256 of the manifest and all PNG bytes). Every file but phantom.json (which holds the creation
 * time) is byte-identical for the same config.
 */
public final class PhantomWriter {
    /** Manifest file name. */
    public static final String MANIFEST = "manifest.csv";
    private static final CSVFormat CSV = CSVFormat.RFC4180;

    private PhantomWriter() {}

    /** Writes {@code result} into {@code out} (created; must be absent or empty) and returns the manifest path. */
    public static Path write(PhantomResult result, Path out) {
        requireEmpty(out);
        try {
            Files.createDirectories(out.resolve("images"));
            Files.createDirectories(out.resolve("masks"));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            int depth = result.config().bitDepth();
            StringBuilder manifest = new StringBuilder();
            try (CSVPrinter csv = new CSVPrinter(manifest, CSV.builder()
                    .setHeader("path", "label", "patient_id", "mask_path", "bbox", "split").get())) {
                for (Sample s : result.dataset().samples()) {
                    String image = "images/" + s.id() + ".png";
                    String mask = "masks/" + s.id() + ".png";
                    writeBytes(out.resolve(image), png(s.image().data(), s.image().width(), s.image().height(), depth),
                            sha);
                    writeBytes(out.resolve(mask), png(s.mask(), s.image().width(), s.image().height(), 8), sha);
                    csv.printRecord(image, Phantom.CLASS_NAMES.get(s.label().index()), s.patientId(), mask,
                            BoxCodec.format(s.boxes()), s.split());
                }
            }
            writeBytes(out.resolve(MANIFEST), manifest.toString().getBytes(StandardCharsets.UTF_8), sha);
            writeTruth(result.items(), out.resolve("truth.csv"));
            new DatasetJson("phantom", TaskType.BINARY, Phantom.CLASS_NAMES).write(out);
            writePhantomJson(result.config(), HexFormat.of().formatHex(sha.digest()), out.resolve("phantom.json"));
        } catch (IOException e) {
            throw new AttndxException("cannot write phantom to " + out + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        return out.resolve(MANIFEST);
    }

    @SuppressWarnings("unchecked")
    private static void writePhantomJson(PhantomConfig config, String fingerprint, Path file) {
        Map<String, Object> configMap = Json.mapper().convertValue(config, Map.class);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("config", config);
        doc.put("provenance", Provenance.capture("phantom", configMap, fingerprint, config.seed()));
        Json.write(file, doc);
    }

    private static void writeTruth(List<PhantomItem> items, Path file) throws IOException {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSV.builder()
                .setHeader("id", "patient_id", "split", "label", "lesions", "marker_bbox", "site").get())) {
            for (PhantomItem it : items) {
                csv.printRecord(it.id(), it.patientId(), it.split(), Phantom.CLASS_NAMES.get(it.lesion() ? 1 : 0),
                        it.lesions(), it.hasMarker() ? BoxCodec.format(List.of(it.marker())) : "", it.site());
            }
        }
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }

    private static void requireEmpty(Path out) {
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new AttndxException("phantom output folder " + out + " is not empty; choose a new folder");
                }
            } catch (IOException e) {
                throw new AttndxException("cannot list " + out + ": " + e.getMessage(), e);
            }
        } else if (Files.exists(out)) {
            throw new AttndxException("phantom output " + out + " exists and is not a folder");
        }
    }

    private static void writeBytes(Path file, byte[] bytes, MessageDigest sha) throws IOException {
        sha.update(bytes);
        Files.write(file, bytes);
    }

    /** A grey PNG of values in [0,1] at 8 or 16 bits (rounded to the nearest level). */
    private static byte[] png(float[] values, int width, int height, int bitDepth) {
        return PngWriter.encode(new ImageTensor(1, height, width, values), bitDepth);
    }
}
