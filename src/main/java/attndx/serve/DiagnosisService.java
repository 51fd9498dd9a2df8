package attndx.serve;

import attndx.core.AttndxException;
import attndx.data.ImageTensor;
import attndx.data.Preprocessor;
import attndx.data.QcConfig;
import attndx.data.QcFlag;
import attndx.data.QualityControl;
import attndx.explain.GradCam;
import attndx.explain.Saliency;
import attndx.model.DiagnosisModel;
import attndx.model.ModelMetadata;
import attndx.kernels.ModelRunner;
import attndx.model.Prediction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loaded model ready for deployment: the one path from a raw [0,1] image to a {@link StudyResult}, shared by
 * {@code attndx predict} and {@code attndx serve}. Preprocessing is the model's own (read from model.json, seed
 * section 7.8), quality control runs on the raw image, the decision rules are the stored ones
 * ({@link DecisionRules}). Thread-safe when each thread brings its own {@link ModelRunner} ({@link #newRunner});
 * Grad-CAM runs under one lock, since only one gradient collector may be open in a process. Close it last.
 */
public final class DiagnosisService implements AutoCloseable {
    private static final int GRAD_CAM_BATCH = 16;
    private final DiagnosisModel model;
    private final Preprocessor preprocessor;
    private final QualityControl qc = new QualityControl(QcConfig.defaults());
    private final DecisionRules rules;
    private final Object gradientLock = new Object();
    private GradCam gradCam;

    private DiagnosisService(DiagnosisModel model) {
        this.model = model;
        this.preprocessor = new Preprocessor(model.metadata().preprocessing());
        this.rules = new DecisionRules(model.metadata());
    }

    /** Loads the model directory {@code dir}. */
    public static DiagnosisService load(Path dir) {
        return new DiagnosisService(DiagnosisModel.load(dir));
    }

    /** The model's metadata (classes, preprocessing, temperature, decision rules, provenance). */
    public ModelMetadata metadata() {
        return model.metadata();
    }

    /** What this model's outputs lack (no temperature, no tau, ...). */
    public List<String> warnings() {
        return rules.warnings();
    }

    /** The explanation shown by default: the model's attention when it has any, else Grad-CAM. */
    public Explanation defaultExplanation() {
        return model.config().hasAttention() ? Explanation.ATTENTION : Explanation.GRAD_CAM;
    }

    /** The explanations this model can give. */
    public Set<Explanation> availableExplanations() {
        return model.config().hasAttention() ? Set.of(Explanation.ATTENTION, Explanation.GRAD_CAM)
                : Set.of(Explanation.GRAD_CAM);
    }

    /** A runner for one thread (close it). */
    public ModelRunner newRunner(int batchSize) {
        return new ModelRunner(model, batchSize);
    }

    /** A study through the model's preprocessing, with its quality-control flags. */
    public record Prepared(String id, String source, ImageTensor view, float[] input, List<QcFlag> qc) {}

    /** One assessed study: the result and its explanation maps (view-sized, [0,1]). */
    public record Assessed(Prepared study, StudyResult result, Map<Explanation, float[]> maps) {}

    /**
     * Checks and preprocesses one raw image.
     *
     * @throws AttndxException when its channel count is not the model's
     */
    public Prepared prepare(String id, String source, ImageTensor raw) {
        int c = model.config().inChannels();
        if (raw.channels() != c) {
            throw new AttndxException(source + ": the model expects " + c + "-channel images"
                    + (c == 1 ? " (grey-scale)" : "") + ", the image has " + raw.channels() + " channels");
        }
        ImageTensor view = preprocessor.geometry(raw);
        return new Prepared(id, source, view, preprocessor.normalise(view).data(), qc.check(raw));
    }

    /** Assesses prepared studies (any shapes) with {@code runner}, computing the {@code maps} asked for. */
    public List<Assessed> assess(List<Prepared> studies, ModelRunner runner, Set<Explanation> maps) {
        Map<String, List<Integer>> byShape = new LinkedHashMap<>();
        for (int i = 0; i < studies.size(); i++) {
            ImageTensor v = studies.get(i).view();
            byShape.computeIfAbsent(v.channels() + "x" + v.height() + "x" + v.width(), k -> new ArrayList<>()).add(i);
        }
        Assessed[] out = new Assessed[studies.size()];
        for (List<Integer> group : byShape.values()) {
            List<Prepared> g = group.stream().map(studies::get).toList();
            List<Assessed> a = assessSameShape(g, runner, maps);
            for (int j = 0; j < group.size(); j++) {
                out[group.get(j)] = a.get(j);
            }
        }
        return List.of(out);
    }

    private List<Assessed> assessSameShape(List<Prepared> g, ModelRunner runner, Set<Explanation> maps) {
        ImageTensor first = g.get(0).view();
        int c = first.channels();
        int h = first.height();
        int w = first.width();
        float[][] x = g.stream().map(Prepared::input).toArray(float[][]::new);
        Prediction p = runner.predict(x, c, h, w);
        int[] top = new int[x.length];
        for (int i = 0; i < top.length; i++) {
            top[i] = argmax(p.probabilities()[i]);
        }
        float[][] attention = maps.contains(Explanation.ATTENTION) && p.attention() != null
                ? Saliency.attention(p, top, h, w) : null;
        float[][] cam = maps.contains(Explanation.GRAD_CAM) ? gradCam(x, c, h, w, top) : null;
        Explanation shown = attention != null ? Explanation.ATTENTION : cam != null ? Explanation.GRAD_CAM : null;
        List<Assessed> out = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            Map<Explanation, float[]> m = new EnumMap<>(Explanation.class);
            if (attention != null) {
                m.put(Explanation.ATTENTION, attention[i]);
            }
            if (cam != null) {
                m.put(Explanation.GRAD_CAM, cam[i]);
            }
            out.add(new Assessed(g.get(i), result(g.get(i), p.logits()[i], p.probabilities()[i], top[i], shown), m));
        }
        return out;
    }

    private float[][] gradCam(float[][] x, int c, int h, int w, int[] targets) {
        synchronized (gradientLock) {
            if (gradCam == null) {
                gradCam = new GradCam(model, GRAD_CAM_BATCH);
            }
            return gradCam.explain(x, c, h, w, targets).maps();
        }
    }

    private StudyResult result(Prepared s, float[] logits, float[] prob, int top, Explanation shown) {
        Map<String, Double> probs = new LinkedHashMap<>();
        double[] p = new double[prob.length];
        double[] l = new double[logits.length];
        for (int k = 0; k < prob.length; k++) {
            p[k] = prob[k];
            probs.put(metadata().classNames().get(k), p[k]);
        }
        for (int k = 0; k < logits.length; k++) {
            l[k] = logits[k];
        }
        Double priority = rules.priority(p);
        double shift = rules.shiftScore(l);
        return new StudyResult(s.id(), s.source(), probs, metadata().temperature() != null,
                metadata().classNames().get(top), p[top], rules.refer(p[top]), priority, rules.expedite(priority),
                s.qc(), shift, rules.shiftFlag(shift), shown == null ? null : shown.label(), null, null);
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Frees Grad-CAM's snapshot and the model (after every runner is closed). */
    @Override
    public void close() {
        synchronized (gradientLock) {
            if (gradCam != null) {
                gradCam.close();
                gradCam = null;
            }
        }
        model.close();
    }
}
