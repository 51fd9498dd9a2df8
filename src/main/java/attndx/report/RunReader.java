package attndx.report;

import attndx.core.AttndxException;
import attndx.core.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run folder ({@link ExperimentResults} describes its layout) for the report. A missing or corrupt
 * results.json, a cell folder that results.json names but that does not exist, or a corrupt cell file is an error
 * naming the file; a cell whose evaluation or audit was never written is kept, marked missing, with a warning.
 */
public final class RunReader {
    /** The file of the run folder the report starts from. */
    public static final String RESULTS = "results.json";
    /** The resolved config and provenance of the experiment. */
    public static final String EXPERIMENT = "experiment.json";

    private RunReader() {}

    /** Reads {@code dir}. */
    public static ReportData.Run read(Path dir) {
        Path results = dir.resolve(RESULTS);
        if (!Files.isRegularFile(results)) {
            throw new AttndxException("no " + RESULTS + " in " + dir + ": is this the folder of a finished"
                    + " `attndx experiment` run? (" + results + " not found)");
        }
        ExperimentResults r = Json.read(results, ExperimentResults.class);
        if (!ExperimentResults.FORMAT.equals(r.format())) {
            throw new AttndxException(results + ": format '" + r.format() + "' is not the supported '"
                    + ExperimentResults.FORMAT + "'");
        }
        if (r.cells() == null || r.table2() == null || r.table3() == null) {
            throw new AttndxException(results + ": 'cells', 'table2' and 'table3' must be present");
        }
        List<String> warnings = new ArrayList<>(r.warnings() == null ? List.of() : r.warnings());
        List<ReportData.CellData> cells = new ArrayList<>();
        for (ExperimentResults.Cell c : r.cells()) {
            cells.add(cell(dir, c, warnings));
        }
        return new ReportData.Run(dir, r, experiment(dir.resolve(EXPERIMENT)), cells, warnings);
    }

    private static ReportData.CellData cell(Path run, ExperimentResults.Cell c, List<String> warnings) {
        Path dir = run.resolve(c.dir());
        if (!Files.isDirectory(dir)) {
            throw new AttndxException(RESULTS + " lists cell " + c.variant() + " seed " + c.seed() + " but its folder "
                    + dir + " does not exist");
        }
        Path eval = dir.resolve("evaluation").resolve(EvaluationRun.FILE);
        Path audit = dir.resolve("audit").resolve("audit.json");
        ReportData.Evaluation e = null;
        ReportData.Audit a = null;
        if (Files.isRegularFile(eval)) {
            e = CellReader.evaluation(eval, tree(eval));
        } else {
            warnings.add("cell " + c.variant() + " seed " + c.seed() + ": evaluation missing (" + eval
                    + " not found); its figures are left out, not shown as zeros");
        }
        if (Files.isRegularFile(audit)) {
            a = CellReader.audit(audit, tree(audit));
        } else {
            warnings.add("cell " + c.variant() + " seed " + c.seed() + ": audit missing (" + audit
                    + " not found); its explanation figures are left out, not shown as zeros");
        }
        return new ReportData.CellData(c, e, a);
    }

    /** A cell file as a tree; a corrupt one is an error naming it. */
    static JsonNode tree(Path file) {
        try {
            JsonNode n = Json.mapper().readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new AttndxException(file + " is not a JSON object (empty or truncated file?)");
            }
            return n;
        } catch (IOException ex) {
            throw new AttndxException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static String experiment(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree(file));
        } catch (IOException ex) {
            throw new AttndxException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
    }
}
