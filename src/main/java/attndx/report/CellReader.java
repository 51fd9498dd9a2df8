package attndx.report;

import attndx.core.AttndxException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Takes from a cell's evaluation.json and audit.json (read as trees, so that the report depends on their field
 * names only, not on the classes that wrote them) what the report draws. A field the report needs that is absent
 * is an error naming the file and the field.
 */
final class CellReader {
    private static final String[] PICKS = {"best", "median", "worst"};

    private CellReader() {}

    static ReportData.Evaluation evaluation(Path file, JsonNode root) {
        JsonNode report = need(root, "/report", file);
        JsonNode cal = need(report, "/calibration/0", file);
        JsonNode after = cal.path("after");
        List<ReportData.Coverage> coverage = new ArrayList<>();
        // the whole curve where the evaluation stored it, else the points at the configured coverages
        JsonNode curve = report.path("selective").path("curve");
        for (JsonNode p : curve.isArray() && !curve.isEmpty() ? curve : report.path("selective").path("atCoverages")) {
            coverage.add(coverage(p));
        }
        JsonNode chosen = report.path("selective").path("validationChosen");
        Map<String, List<ReportData.StressPoint>> stress = new LinkedHashMap<>();
        root.path("stress").fields().forEachRemaining(e -> {
            List<ReportData.StressPoint> levels = new ArrayList<>();
            for (JsonNode l : e.getValue().path("levels")) {
                levels.add(new ReportData.StressPoint(num(l, "strength"), num(l, "auc"), num(l, "flagRate")));
            }
            stress.put(e.getKey(), levels);
        });
        return new ReportData.Evaluation(num(report.path("temperature"), "temperature"),
                num(need(cal, "/before", file), "ece"), num(after, "ece"),
                bins(need(cal, "/before/equalWidth/bins", file)), bins(after.path("equalWidth").path("bins")),
                coverage, chosen.isObject() ? coverage(chosen) : null, num(root.path("shift"), "flagRate"),
                num(root.path("shift").path("ks"), "pValue"), stress, strings(report.path("warnings")));
    }

    static ReportData.Audit audit(Path file, JsonNode root) {
        Map<String, double[]> deletion = new LinkedHashMap<>();
        Map<String, double[]> insertion = new LinkedHashMap<>();
        root.path("faithfulness").fields().forEachRemaining(e -> {
            deletion.put(e.getKey(), doubles(need(e.getValue(), "/deletion/meanCurve", file)));
            insertion.put(e.getKey(), doubles(need(e.getValue(), "/insertion/meanCurve", file)));
        });
        Path dir = file.getParent();
        Map<String, List<Path>> overlays = new LinkedHashMap<>();
        for (JsonNode m : need(root, "/methods", file)) {
            List<Path> picks = overlays(dir.resolve("overlays").resolve(m.asText()));
            if (!picks.isEmpty()) {
                overlays.put(m.asText(), picks);
            }
        }
        JsonNode shortcut = root.path("shortcut");
        return new ReportData.Audit(deletion, insertion, perImage(dir.resolve("per-image.csv")), overlays,
                shortcut.isObject() ? shortcut.path("flagged").asBoolean() : null,
                shortcut.isObject() ? shortcut.path("reason").asText(null) : null, strings(root.path("warnings")));
    }

    /** best-*.png, median-*.png and worst-*.png of one method's overlay folder, those that exist, in that order. */
    private static List<Path> overlays(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.sorted().toList();
            for (String pick : PICKS) {
                all.stream().filter(p -> p.getFileName().toString().startsWith(pick + "-")).findFirst()
                        .ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new AttndxException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** per-image.csv by column; an empty cell (a skipped image) is NaN. A missing file gives no columns. */
    private static Map<String, double[]> perImage(Path csv) {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(csv)) {
            return out;
        }
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            List<CSVRecord> rows = p.getRecords();
            for (String column : p.getHeaderNames()) {
                if (column.equals("id")) {
                    continue;
                }
                double[] v = new double[rows.size()];
                for (int i = 0; i < v.length; i++) {
                    String s = rows.get(i).get(column);
                    v[i] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
                }
                out.put(column, v);
            }
        } catch (IOException | RuntimeException e) {
            throw new AttndxException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static ReportData.Coverage coverage(JsonNode p) {
        return new ReportData.Coverage(num(p, "targetCoverage"), num(p, "threshold"), num(p, "coverage"),
                1 - num(p, "accuracy"));
    }

    private static List<ReportData.Bin> bins(JsonNode bins) {
        List<ReportData.Bin> out = new ArrayList<>();
        for (JsonNode b : bins) {
            out.add(new ReportData.Bin(b.path("count").asInt(), num(b, "meanConfidence"), num(b, "accuracy")));
        }
        return out;
    }

    private static JsonNode need(JsonNode node, String pointer, Path file) {
        JsonNode n = node.at(pointer);
        if (n.isMissingNode() || n.isNull()) {
            throw new AttndxException(file + ": field '" + pointer.substring(1).replace('/', '.')
                    + "' is missing (a file written by another version, or truncated?)");
        }
        return n;
    }

    /** A number; NaN when absent or null. The writers store NaN and infinities as strings, which asDouble parses. */
    private static double num(JsonNode node, String field) {
        JsonNode n = node.path(field);
        return n.isMissingNode() || n.isNull() ? Double.NaN : n.asDouble(Double.NaN);
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble(Double.NaN);
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
