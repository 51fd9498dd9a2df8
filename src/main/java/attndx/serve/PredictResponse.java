package attndx.serve;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /api/v1/predict}: the {@link StudyResult} and the pictures the viewer draws.
 *
 * @param study the assessment
 * @param width width of the image and maps (the model's input, after resizing and padding)
 * @param height their height
 * @param image the image as the model saw it, base64 PNG
 * @param maps explanation name ("attention", "grad-cam") to a base64 RGBA PNG whose alpha is the map value
 * @param warnings what the model's outputs lack (no temperature, no tau, ...)
 */
public record PredictResponse(StudyResult study, int width, int height, String image, Map<String, String> maps,
        List<String> warnings) {}
