package attndx.serve;

import attndx.core.AttndxException;
import attndx.data.DicomReader;
import attndx.data.ImageFiles;
import attndx.data.ImageTensor;
import ij.plugin.DICOM;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an uploaded file into a [0,1] image, or refuses it with a 4xx {@link ApiException}: empty (400), too large
 * (413), neither PNG, JPEG nor DICOM by its first bytes (415, whatever the declared content type), more pixels
 * per side than allowed, read from the header before any pixel is decoded (413), truncated or corrupt, including
 * the JPEG decoder's "premature end" warnings, or DICOM without readable pixel data (422).
 */
public final class UploadDecoder {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final int DICOM_MAGIC_AT = 128;
    private static final Pattern ROWS = Pattern.compile("(?m)^0028,0010\\s+Rows:\\s*(\\d+)");
    private static final Pattern COLUMNS = Pattern.compile("(?m)^0028,0011\\s+Columns:\\s*(\\d+)");
    private final long maxBytes;
    private final int maxSide;

    public UploadDecoder(long maxBytes, int maxSide) {
        this.maxBytes = maxBytes;
        this.maxSide = maxSide;
    }

    /** The image of {@code bytes}, uploaded as {@code name} (used in messages only). */
    public ImageTensor decode(byte[] bytes, String name) {
        if (bytes.length == 0) {
            throw new ApiException(400, "the uploaded file '" + name + "' is empty");
        }
        if (bytes.length > maxBytes) {
            throw new ApiException(413, "the uploaded file is " + bytes.length + " bytes, the limit is " + maxBytes);
        }
        if (startsWith(bytes, 0, PNG) || startsWith(bytes, 0, JPEG)) {
            return raster(bytes, name);
        }
        if (bytes.length >= DICOM_MAGIC_AT + 4
                && "DICM".equals(new String(bytes, DICOM_MAGIC_AT, 4, StandardCharsets.US_ASCII))) {
            return dicom(bytes, name);
        }
        throw new ApiException(415, "'" + name + "' is not a PNG, JPEG or DICOM image (checked by its content, not its"
                + " name or declared type)");
    }

    private ImageTensor raster(byte[] bytes, String name) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ApiException(415, "no decoder for '" + name + "'");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                checkSides(reader.getWidth(0), reader.getHeight(0));
                AtomicReference<String> warning = new AtomicReference<>();
                reader.addIIOReadWarningListener((IIOReadWarningListener) (r, w) -> warning.compareAndSet(null, w));
                BufferedImage img = reader.read(0);
                if (warning.get() != null) {
                    throw new ApiException(422, "'" + name + "' is truncated or corrupt: " + warning.get());
                }
                return ImageFiles.toTensor(img, Path.of(safe(name)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw rethrow(e, name);
        }
    }

    private ImageTensor dicom(byte[] bytes, String name) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("attndx-upload-", ".dcm");
            Files.write(tmp, bytes);
            String info = new DICOM().getInfo(tmp.toString());
            checkSides(tag(COLUMNS, info), tag(ROWS, info));
            return DicomReader.read(tmp).image();
        } catch (IOException | RuntimeException e) {
            throw rethrow(e, name);
        } finally {
            if (tmp != null) {
                tmp.toFile().delete();
            }
        }
    }

    private static int tag(Pattern p, String info) {
        Matcher m = info == null ? null : p.matcher(info);
        return m != null && m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private void checkSides(int width, int height) {
        if (width > maxSide || height > maxSide) {
            throw new ApiException(413, "the image is " + width + "x" + height + " pixels, the limit is " + maxSide
                    + " per side");
        }
    }

    private static ApiException rethrow(Exception e, String name) {
        if (e instanceof ApiException a) {
            return a;
        }
        if (e instanceof AttndxException) {
            // The reader's message names the temporary file; the client knows its upload by name.
            return new ApiException(422, "'" + name + "': " + e.getMessage().replaceAll("/\\S*attndx-upload-\\S*", "upload"), e);
        }
        return new ApiException(422, "'" + name + "' is truncated or corrupt: " + e.getMessage(), e);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (b.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
