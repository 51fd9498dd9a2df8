package attndx.report;

import attndx.core.AttndxException;
import attndx.core.Json;
import attndx.core.Provenance;
import attndx.explain.AuditProgress;
import attndx.train.TrainingProgress;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code attndx experiment}: every variant x seed cell ({@link ExperimentCell}), then the tables ({@link
 * ExperimentTables}) in {@code results.json} ({@link ExperimentResults}). The run folder's {@value #MANIFEST}
 * records the resolved config and data fingerprint; a rerun into the same folder skips the finished cells (their
 * {@code cell.json}) and starts the interrupted one over, and is refused when the config or the data differ.
 * Cells run seed by seed, so after the first seed every variant has a result. A cell that fails with a user-level
 * error (e.g. a diverged training) is reported in the results' warnings and left out; the others still run.
 */
public final class ExperimentRunner {
    /** The experiment's manifest in the run folder. */
    public static final String MANIFEST = "experiment.json";
    /** The aggregated results in the run folder. */
    public static final String RESULTS = "results.json";

    private ExperimentRunner() {}

    /** Receives the runner's progress: one line per cell, and the training and audit progress inside a cell. */
    public interface Listener {
        /** A progress line (a cell started, finished or was found finished). */
        default void line(String text) {}

        /** A cell finished (or was found finished); an exception thrown here stops the experiment. */
        default void cellFinished(CellRecord cell) {}

        /** Progress of a cell's training. */
        default TrainingProgress training() {
            return TrainingProgress.silent();
        }

        /** Progress of a cell's audit. */
        default AuditProgress audit() {
            return AuditProgress.silent();
        }
    }

    /**
     * What the manifest holds.
     *
     * @param config the resolved config (every key)
     * @param data where the data came from
     * @param provenance versions, data fingerprint, first seed and the time the experiment was started
     */
    public record Manifest(String format, JsonNode config, String data, Provenance provenance) {
        /** The format tag. */
        public static final String FORMAT = "attndx-experiment/1";
    }

    /**
     * What the run produced.
     *
     * @param results what results.json holds
     * @param runDir the run folder
     * @param resumed cells found finished from an earlier run
     * @param failed one line per cell that failed (left out of the tables; a rerun retries it)
     */
    public record Result(ExperimentResults results, Path runDir, int resumed, List<String> failed) {}

    /** Runs (or resumes) the experiment {@code loaded} in {@code runDir}. */
    public static Result run(ExperimentConfigLoader.Loaded loaded, Path runDir, Listener listener) {
        long start = System.nanoTime();
        ExperimentConfig c = loaded.config();
        ExperimentData data = ExperimentData.load(c);
        Manifest manifest = manifest(loaded, data, runDir);
        List<CellRecord> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int total = c.seeds().size() * c.variants().size();
        int resumed = 0;
        double thisRun = 0;
        for (long seed : c.seeds()) {
            for (String name : c.variants()) {
                Variant v = Variant.of(name);
                CellRecord cell = ExperimentCell.read(runDir.resolve(ExperimentCell.dir(v, seed)));
                if (cell != null) {
                    resumed++;
                    listener.line(line(done.size() + failed.size() + 1, total, cell, "already done", done, c, start));
                } else {
                    listener.line(String.format(Locale.ROOT, "[%d/%d] %s seed %d: training, evaluation, audit ...",
                            done.size() + failed.size() + 1, total, v.id(), seed));
                    try {
                        cell = ExperimentCell.run(c, data, v, seed, runDir, listener.training(), listener.audit());
                    } catch (AttndxException e) {
                        // one diverged or refused cell must not cost the others; a rerun retries it
                        failed.add(ExperimentCell.dir(v, seed) + " failed and is left out of the tables (a rerun"
                                + " retries it): " + e.getMessage());
                        listener.line(failed.get(failed.size() - 1));
                        continue;
                    }
                    thisRun += cell.cell().seconds();
                    listener.line(line(done.size() + failed.size() + 1, total, cell, "done", done, c, start));
                }
                done.add(cell);
                listener.cellFinished(cell);
            }
        }
        double overhead = (System.nanoTime() - start) / 1e9 - thisRun;
        double seconds = done.stream().mapToDouble(r -> r.cell().seconds()).sum() + overhead;
        ExperimentResults results = results(c, manifest, data, done, failed, seconds);
        Json.write(runDir.resolve(RESULTS), results);
        return new Result(results, runDir, resumed, failed);
    }

    /** Writes the manifest of a new run, or checks a rerun's config and data against the one there. */
    private static Manifest manifest(ExperimentConfigLoader.Loaded loaded, ExperimentData data, Path runDir) {
        Path file = runDir.resolve(MANIFEST);
        if (Files.exists(file)) {
            Manifest old = Json.read(file, Manifest.class);
            String diff = ExperimentConfigLoader.difference(old.config(), loaded.resolved(), "");
            if (diff != null) {
                throw new AttndxException(runDir + " holds an experiment with another config (" + diff + ", recorded"
                        + " vs now): rerun with the same config to resume it, or choose another --out");
            }
            if (!old.provenance().dataFingerprint().equals(data.fingerprint())) {
                throw new AttndxException(runDir + " holds an experiment on other data (fingerprint "
                        + old.provenance().dataFingerprint() + " recorded, " + data.fingerprint() + " now, from "
                        + data.source() + "): rerun on the same data to resume it, or choose another --out");
            }
            return old;
        }
        Manifest m = new Manifest(Manifest.FORMAT, loaded.resolved(), data.source(), Provenance.capture("experiment",
                configMap(loaded.resolved()), data.fingerprint(), loaded.config().seeds().get(0)));
        Json.write(file, m);
        return m;
    }

    private static ExperimentResults results(ExperimentConfig c, Manifest manifest, ExperimentData data,
            List<CellRecord> done, List<String> failed, double seconds) {
        ExperimentTables tables = new ExperimentTables(c, done);
        List<String> warnings = new ArrayList<>(failed);
        for (CellRecord r : done) {
            r.warnings().forEach(w -> warnings.add(r.cell().dir() + ": " + w));
        }
        Map<String, Object> config = configMap(manifest.config());
        config.put("data", data.source());
        Map<String, Object> timings = new LinkedHashMap<>();
        done.forEach(r -> timings.put(r.cell().dir(), r.cell().seconds()));
        config.put("cellSeconds", timings);
        config.put("startedAt", manifest.provenance().createdAt());
        Provenance p = Provenance.capture("experiment-results", config, data.fingerprint(), c.seeds().get(0));
        return new ExperimentResults(ExperimentResults.FORMAT, p, c.name(), c.seeds(),
                done.stream().map(CellRecord::cell).toList(), tables.table2(), tables.table3(), tables.extra(),
                warnings, seconds, data.qc());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> configMap(JsonNode resolved) {
        return new LinkedHashMap<>(Json.mapper().convertValue(resolved, Map.class));
    }

    /** "[k/n] variant seed s done in t s: AUC a; elapsed e, about r left". */
    private static String line(int k, int total, CellRecord cell, String what, List<CellRecord> before,
            ExperimentConfig c, long start) {
        List<CellRecord> all = new ArrayList<>(before);
        all.add(cell);
        double left = remaining(all, c);
        CellRecord.Figure auc = cell.figures().get("auc");
        return String.format(Locale.ROOT, "[%d/%d] %s seed %d %s (%.1f s): AUC %.3f; elapsed %s, about %s left", k,
                total, cell.cell().variant(), cell.cell().seed(), what, cell.cell().seconds(),
                auc == null ? Double.NaN : auc.value(), duration((System.nanoTime() - start) / 1e9), duration(left));
    }

    /** The cells still to run, each estimated by its variant's mean cell time so far (else the overall mean). */
    private static double remaining(List<CellRecord> done, ExperimentConfig c) {
        double overall = done.stream().mapToDouble(r -> r.cell().seconds()).average().orElse(0);
        int perVariantLeft = c.seeds().size();
        double left = 0;
        for (String v : c.variants()) {
            List<CellRecord> finished = done.stream().filter(r -> r.cell().variant().equals(v)).toList();
            double mean = finished.stream().mapToDouble(r -> r.cell().seconds()).average().orElse(overall);
            left += mean * (perVariantLeft - finished.size());
        }
        return left;
    }

    private static String duration(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, t % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
    }
}
