package attndx.serve;

import attndx.data.ImageTensor;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service behind {@code POST /api/v1/predict}: decodes and checks an upload ({@link UploadDecoder}), assesses
 * it on a worker of the {@link InferencePool} and returns the result with the image and its maps as PNGs.
 */
public final class UploadPredictor {
    private final DiagnosisService service;
    private final InferencePool pool;
    private final UploadDecoder decoder;

    public UploadPredictor(DiagnosisService service, InferencePool pool, UploadDecoder decoder) {
        this.service = service;
        this.pool = pool;
        this.decoder = decoder;
    }

    /**
     * Assesses one upload.
     *
     * @param bytes the file's content
     * @param name its file name (messages and the study id)
     * @param explanations the maps to compute (null or empty: every map the model can give)
     */
    public PredictResponse predict(byte[] bytes, String name, Set<Explanation> explanations) {
        Set<Explanation> maps = explanations == null || explanations.isEmpty()
                ? EnumSet.copyOf(service.availableExplanations()) : EnumSet.copyOf(explanations);
        maps.retainAll(service.availableExplanations());
        ImageTensor raw = decoder.decode(bytes, name);
        DiagnosisService.Prepared p;
        try {
            p = service.prepare(name, "upload:" + name, raw);
        } catch (attndx.core.AttndxException e) {
            throw new ApiException(422, e.getMessage(), e);
        }
        DiagnosisService.Assessed a = pool.run(runner -> service.assess(List.of(p), runner, maps).get(0));
        Base64.Encoder b64 = Base64.getEncoder();
        Map<String, String> pngs = new LinkedHashMap<>();
        a.maps().forEach((k, m) -> pngs.put(k.label(), b64.encodeToString(
                OverlayRenderer.heatmapPng(m, p.view().height(), p.view().width()))));
        return new PredictResponse(a.result(), p.view().width(), p.view().height(),
                b64.encodeToString(OverlayRenderer.imagePng(p.view())), pngs, service.warnings());
    }
}
