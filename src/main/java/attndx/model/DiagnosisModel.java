package attndx.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import attndx.core.AttndxException;
import attndx.core.Json;
import attndx.core.Provenance;
import attndx.data.Preprocessing;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A trained (or freshly initialised) diagnosis model: the DJL {@link Model} holding the
 * {@link DiagnosisNetwork} and its parameters, plus the {@link ModelMetadata} (config, preprocessing,
 * class names, temperature, provenance).
 *
 * <p>Saved as a directory: {@code attndx-0000.params} (DJL's parameter format, which also records the
 * config so parameters cannot be loaded into another network) and {@code model.json}, which records the
 * SHA-256 of the parameter file; loading verifies it (see {@link ParameterFile} for why DJL's loader
 * alone is not enough). Owns native memory: close it.
 */
public final class DiagnosisModel implements AutoCloseable {
    /** The metadata file inside a model directory. */
    public static final String METADATA_FILE = "model.json";
    /** DJL model name, the prefix of the parameter file. */
    public static final String MODEL_NAME = "attndx";
    /** The parameter file inside a model directory. */
    public static final String PARAMETER_FILE = MODEL_NAME + "-0000.params";

    private final Model model;
    private final DiagnosisNetwork network;
    private final List<String> warnings;
    /** Not final: {@link #save} records the checksum of the file it wrote. */
    private ModelMetadata metadata;

    private DiagnosisModel(Model model, DiagnosisNetwork network, ModelMetadata metadata, List<String> warnings) {
        this.model = model;
        this.network = network;
        this.metadata = metadata;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * A new model with parameters initialised from {@code seed} (the engine's random seed is set).
     * Parameters are initialised for the preprocessing's size (or {@link ModelFactory#DEFAULT_INIT_SIZE}).
     */
    public static DiagnosisModel create(ModelConfig config, Preprocessing preprocessing, List<String> classNames,
            Provenance provenance, int seed) {
        ModelMetadata meta = new ModelMetadata(ModelMetadata.FORMAT_VERSION, config, preprocessing, classNames,
                null, provenance, null, null);
        Engine.getInstance().setRandomSeed(seed);
        Model model = Model.newInstance(MODEL_NAME);
        DiagnosisNetwork net = ModelFactory.build(config);
        net.initialize(model.getNDManager(), DataType.FLOAT32, initShape(meta));
        model.setBlock(net);
        return new DiagnosisModel(model, net, meta, List.of());
    }

    private static Shape initShape(ModelMetadata meta) {
        Preprocessing p = meta.preprocessing();
        int h = p.height() > 0 ? p.height() : ModelFactory.DEFAULT_INIT_SIZE;
        int w = p.width() > 0 ? p.width() : ModelFactory.DEFAULT_INIT_SIZE;
        return new Shape(1, meta.config().inChannels(), h, w);
    }

    /**
     * Loads a model directory written by {@link #save}.
     *
     * @throws AttndxException naming the file when model.json is missing, malformed or of an unknown
     *     format version, or when the parameter file is missing, truncated, corrupt, swapped (its SHA-256 is
     *     not the one model.json records) or belongs to another config. A model.json without a checksum
     *     (written before AttnDx recorded one) loads with a warning in {@link #warnings()}.
     */
    public static DiagnosisModel load(Path dir) {
        ModelMetadata meta = readMetadata(dir);
        Path params = dir.resolve(PARAMETER_FILE);
        if (!Files.isRegularFile(params)) {
            throw new AttndxException("parameter file not found: " + params);
        }
        String warning = ParameterFile.verify(params, meta.parametersSha256(), dir.resolve(METADATA_FILE));
        Model model = Model.newInstance(MODEL_NAME);
        DiagnosisNetwork net = ModelFactory.build(meta.config());
        model.setBlock(net);
        try {
            // explicit epoch 0: without it DJL loads the highest-numbered attndx-NNNN.params it finds
            model.load(dir, MODEL_NAME, java.util.Map.of("epoch", "0"));
            // DJL's loader leaves the loaded arrays without gradients; initialising keeps every array and
            // re-enables them, so a loaded model can be fine-tuned or explained with gradients.
            net.initialize(model.getNDManager(), DataType.FLOAT32, initShape(meta));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            if (e instanceof AttndxException a) {
                throw a;
            }
            throw new AttndxException("cannot load model parameters from " + params
                    + " (truncated, corrupt or saved for another config): " + e, e);
        }
        return new DiagnosisModel(model, net, meta, warning == null ? List.of() : List.of(warning));
    }

    /** Reads and checks a model directory's model.json. */
    public static ModelMetadata readMetadata(Path dir) {
        Path file = dir.resolve(METADATA_FILE);
        JsonNode tree = Json.read(file, JsonNode.class);
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.isInt() || version.intValue() != ModelMetadata.FORMAT_VERSION) {
            throw new AttndxException(file + ": formatVersion is " + version + "; this AttnDx reads formatVersion "
                    + ModelMetadata.FORMAT_VERSION + " (was the model written by a newer AttnDx?)");
        }
        try {
            return Json.mapper().treeToValue(tree, ModelMetadata.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new AttndxException("invalid " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes parameters and model.json into {@code dir} (created if needed); model.json records the
     * parameter file's SHA-256, and so does this model's {@link #metadata()} from then on.
     */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            model.setProperty("Epoch", "0");
            model.save(dir, MODEL_NAME);
        } catch (IOException e) {
            throw new AttndxException("cannot write model parameters to " + dir + ": " + e.getMessage(), e);
        }
        metadata = metadata.withParametersSha256(ParameterFile.sha256(dir.resolve(PARAMETER_FILE)));
        saveMetadata(dir);
    }

    /**
     * Writes only model.json (e.g. after calibration changed the temperature), atomically, so an
     * interrupted write never leaves a half-written file next to valid parameters.
     */
    public void saveMetadata(Path dir) {
        Path file = dir.resolve(METADATA_FILE);
        Path tmp = dir.resolve(METADATA_FILE + ".tmp");
        Json.write(tmp, metadata);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AttndxException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * This model with calibration temperature {@code t} (paper 5.6). The result shares the network and
     * parameters with this one: close only one of the two.
     */
    public DiagnosisModel withTemperature(double t) {
        return new DiagnosisModel(model, network, metadata.withTemperature(t), warnings);
    }

    /** What could not be verified when this model was loaded (empty for a verified or a new model). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * This model with the decision thresholds {@code d} chosen on validation. Shares the network and parameters
     * with this one: close only one of the two.
     */
    public DiagnosisModel withDecision(DecisionThresholds d) {
        return new DiagnosisModel(model, network, metadata.withDecision(d), warnings);
    }

    /** The DJL model (for a {@code Trainer}: {@code model().newTrainer(config)}). */
    public Model model() {
        return model;
    }

    /** The network block. */
    public DiagnosisNetwork network() {
        return network;
    }

    /** The saved metadata. */
    public ModelMetadata metadata() {
        return metadata;
    }

    /** Shorthand for {@code metadata().config()}. */
    public ModelConfig config() {
        return metadata.config();
    }

    /**
     * Class probabilities of raw {@code logits} (one row per image) at this model's effective temperature:
     * softmax over the classes, or each class's sigmoid for a multi-label model.
     */
    public float[][] probabilities(float[][] logits) {
        int k = config().numClasses();
        double t = metadata.effectiveTemperature();
        boolean multi = config().multiLabel();
        float[][] p = new float[logits.length][k];
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (float l : logits[i]) {
                max = Math.max(max, l / t);
            }
            double z = 0;
            for (int c = 0; c < k; c++) {
                double s = logits[i][c] / t;
                p[i][c] = (float) (multi ? 1 / (1 + Math.exp(-s)) : Math.exp(s - max));
                z += p[i][c];
            }
            for (int c = 0; !multi && c < k; c++) {
                p[i][c] = (float) (p[i][c] / z);
            }
        }
        return p;
    }

    @Override
    public void close() {
        model.close();
    }
}
