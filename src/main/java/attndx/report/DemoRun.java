package attndx.report;

import attndx.core.AttndxException;
import attndx.data.PhantomWriter;
import attndx.data.Phantom;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-command demo on built-in data: the experiment {@code attndx/report/demo.yaml} (a hard phantom with exact
 * lesion masks; the GAP backbone, the proposed multi-scale attention model and the proposed model trained with a
 * planted shortcut), run like {@code attndx experiment} (train, calibrate, evaluate, audit), then the HTML report.
 * The phantom is written as a dataset folder and the config beside it, so that every other command can be tried on
 * the demo's data and models, and a rerun into the same folder resumes.
 */
public final class DemoRun {
    /** The demo's experiment file in the output folder. */
    public static final String CONFIG = "demo.yaml";
    /** The phantom dataset folder in the output folder. */
    public static final String DATA = "phantom";
    private static final YAMLMapper YAML = new YAMLMapper();

    private DemoRun() {}

    /**
     * What to change of demo.yaml (null: keep it).
     *
     * @param out output folder
     * @param count phantom images
     * @param size phantom image side
     * @param epochs training epochs
     * @param seeds training seeds
     */
    public record Settings(Path out, Integer count, Integer size, Integer epochs, List<Long> seeds) {}

    /**
     * What the demo produced.
     *
     * @param config the experiment file written
     * @param data the phantom dataset folder
     * @param experiment the experiment's result
     * @param report the report written
     * @param stageSeconds wall time per stage (data, each cell's training, evaluation and audit summed, report)
     */
    public record Result(Path config, Path data, ExperimentRunner.Result experiment, Report.Result report,
            Map<String, Double> stageSeconds) {}

    /** Writes the config and the phantom, runs the experiment and writes the report. */
    public static Result run(Settings s, ExperimentRunner.Listener listener) {
        long t0 = System.nanoTime();
        Path config = s.out().resolve(CONFIG);
        writeConfig(s, config);
        Path data = s.out().resolve(DATA);
        // data.path points at the phantom folder; the phantom section still describes what to write there
        ExperimentConfigLoader.Loaded loaded = ExperimentConfigLoader.load(config,
                new ExperimentConfigLoader.Overrides(data.toString(), null));
        if (!Files.isDirectory(data)) {
            PhantomWriter.write(Phantom.render(loaded.config().data().phantom().toConfig()), data);
        }
        double dataSeconds = (System.nanoTime() - t0) / 1e9;
        ExperimentRunner.Result experiment = ExperimentRunner.run(loaded, s.out(), listener);
        long t1 = System.nanoTime();
        Report.Result report = Report.write(s.out(), Report.defaultOut(s.out()));
        Map<String, Double> stages = new LinkedHashMap<>();
        stages.put("data", dataSeconds);
        for (String stage : List.of("training", "evaluation", "audit")) {
            stages.put(stage, experiment.results().cells().stream()
                    .mapToDouble(c -> c.stageSeconds().getOrDefault(stage, 0.0)).sum());
        }
        stages.put("report", (System.nanoTime() - t1) / 1e9);
        return new Result(config, data, experiment, report, stages);
    }

    /** demo.yaml with the settings applied; an existing file (a rerun) must be the same, so that the run resumes. */
    private static void writeConfig(Settings s, Path file) {
        try (InputStream in = DemoRun.class.getResourceAsStream("/attndx/report/" + CONFIG)) {
            String template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            ObjectNode tree = (ObjectNode) YAML.readTree(template);
            ObjectNode phantom = (ObjectNode) tree.get("data").get("phantom");
            if (s.count() != null) {
                phantom.put("count", s.count());
            }
            if (s.size() != null) {
                phantom.put("size", s.size());
            }
            if (s.epochs() != null) {
                ((ObjectNode) tree.get("train")).put("epochs", s.epochs());
            }
            if (s.seeds() != null) {
                ArrayNode seeds = tree.putArray("seeds");
                s.seeds().forEach(seeds::add);
            }
            // The template's comments, then the settings as one YAML document.
            String header = template.lines().takeWhile(l -> l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
            String text = header + YAML.writeValueAsString(tree).replaceFirst("^---\\s*\n", "");
            if (Files.exists(file) && !Files.readString(file).equals(text)) {
                throw new AttndxException(file.getParent() + " holds a demo run with other settings (see " + file
                        + "): rerun with the same options to resume it, or choose another --out");
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new AttndxException("cannot write the demo's config " + file + ": " + e.getMessage(), e);
        }
    }
}
