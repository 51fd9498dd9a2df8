package attndx;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** The images of a self-contained HTML page: each must be an embedded PNG that decodes to a non-empty picture. */
public final class EmbeddedImages {
    private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]*)\"");
    private static final String PREFIX = "data:image/png;base64,";

    private EmbeddedImages() {}

    /** Every {@code <img>} of {@code page}, decoded; fails the test on a link or an undecodable image. */
    public static List<BufferedImage> pngs(String page) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        Matcher m = IMG.matcher(page);
        while (m.find()) {
            String src = m.group(1);
            assertTrue(src.startsWith(PREFIX), src.substring(0, Math.min(40, src.length())));
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
                    src.substring(PREFIX.length()))));
            assertNotNull(img, "a PNG that decodes");
            assertTrue(img.getWidth() > 0 && img.getHeight() > 0);
            out.add(img);
        }
        return out;
    }
}
