package attndx.explain;

import attndx.core.Json;
import attndx.core.Provenance;
import attndx.data.Dataset;
import attndx.data.DatasetFingerprint;
import attndx.data.NpzWriter;
import attndx.explain.eval.ExplainData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code attndx explain}: the maps of the chosen methods for the first images of a split, as overlays
 * ({@code overlays/<method>/<id>.png}) and as arrays in {@code maps.npz}, the layout Quantus and Captum users
 * pass around: {@code x} (N, C, H, W float32, the images as the model saw them), {@code y} (N int64, the class
 * explained), {@code s} (N, H, W float32 annotation masks, zero where {@code s_present} is false; only when the
 * split has annotations), {@code ids} (N unicode) and {@code a_<method>} (N, H, W float32), the method's name
 * with '-' as '_' and "++" as "_pp". {@code explain.json} records the settings and provenance.
 */
public final class ExplainRun {
    public static final String MAPS = "maps.npz";
    public static final String FILE = "explain.json";

    private ExplainRun() {}

    /**
     * What to explain.
     *
     * @param split the images (their first {@code limit})
     * @param target which class each map explains
     */
    public record Request(Path modelDir, Dataset split, String splitName, List<String> methods, MethodOptions options,
            String target, int limit, Path outDir) {}

    /** What was written. */
    public record Result(int images, List<String> methods, Path maps, Path overlays, List<String> warnings,
            Provenance provenance) {}

    /** Runs the methods and writes the files. */
    public static Result run(Request r) {
        ModelInputs.Target target = target(r.target());
        try (ModelInputs in = ModelInputs.load(r.modelDir(), r.split(), r.limit(), target, r.options().batchSize())) {
            Methods.requireApplicable(r.methods(), in.model().config());
            Map<String, float[][]> maps = in.maps(r.methods(), r.options(), () -> { });
            ExplainData d = in.data();
            Path overlays = r.outDir().resolve("overlays");
            for (Map.Entry<String, float[][]> e : maps.entrySet()) {
                for (int i = 0; i < d.size(); i++) {
                    Overlays.write(overlays.resolve(e.getKey()).resolve(Overlays.fileName(d.ids()[i]) + ".png"), d.raw()[i], d.channels(),
                            d.height(), d.width(), e.getValue()[i], String.format(Locale.ROOT, "%s  %s  class %s p=%.3f",
                                    d.ids()[i], e.getKey(), in.model().metadata().classNames().get(in.targets()[i]),
                                    in.probabilities()[i][in.targets()[i]]));
                }
            }
            Path npz = r.outDir().resolve(MAPS);
            writeNpz(npz, d, in.targets(), maps);
            Map<String, Object> cfg = new LinkedHashMap<>();
            cfg.put("model", r.modelDir().toString());
            cfg.put("split", r.splitName());
            cfg.put("methods", r.methods());
            cfg.put("options", r.options());
            cfg.put("target", target.name().toLowerCase(Locale.ROOT));
            cfg.put("limit", r.limit());
            Result result = new Result(d.size(), r.methods(), npz, overlays, in.warnings(),
                    Provenance.capture("explanation", cfg, DatasetFingerprint.of(r.split()), r.options().seed()));
            Json.write(r.outDir().resolve(FILE), result);
            return result;
        }
    }

    static ModelInputs.Target target(String name) {
        return switch (name == null ? "predicted" : name.toLowerCase(Locale.ROOT)) {
            case "predicted" -> ModelInputs.Target.PREDICTED;
            case "label" -> ModelInputs.Target.LABEL;
            default -> throw new attndx.core.AttndxException("--target must be predicted or label, got '" + name + "'");
        };
    }

    /** The npz key of a method's maps. */
    public static String key(String method) {
        return "a_" + method.replace("++", "_pp").replace('-', '_');
    }

    static void writeNpz(Path file, ExplainData d, int[] targets, Map<String, float[][]> maps) {
        int n = d.size();
        int plane = d.height() * d.width();
        try (NpzWriter w = new NpzWriter(file)) {
            w.floats("x", flatten(d.images()), n, d.channels(), d.height(), d.width());
            long[] y = new long[n];
            for (int i = 0; i < n; i++) {
                y[i] = targets[i];
            }
            w.longs("y", y, n);
            if (d.annotated() > 0) {
                float[][] s = new float[n][];
                boolean[] present = new boolean[n];
                for (int i = 0; i < n; i++) {
                    present[i] = d.masks()[i] != null;
                    s[i] = present[i] ? d.masks()[i] : new float[plane];
                }
                w.floats("s", flatten(s), n, d.height(), d.width());
                w.booleans("s_present", present);
            }
            w.strings("ids", d.ids());
            for (Map.Entry<String, float[][]> e : maps.entrySet()) {
                w.floats(key(e.getKey()), flatten(e.getValue()), n, d.height(), d.width());
            }
        }
    }

    private static float[] flatten(float[][] rows) {
        int per = rows[0].length;
        float[] out = new float[rows.length * per];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * per, per);
        }
        return out;
    }
}
