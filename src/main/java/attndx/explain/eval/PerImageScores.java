package attndx.explain.eval;

import attndx.core.AttndxException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every per-image score of an audit, one column per (method, score), in the order added: what
 * {@code per-image.csv} holds and what each summary is computed from. NaN marks an image a check skipped.
 */
public final class PerImageScores {
    private final String[] ids;
    private final Map<String, double[]> columns = new LinkedHashMap<>();

    public PerImageScores(String[] ids) {
        this.ids = ids.clone();
    }

    /** Adds (or replaces) column {@code name}, one value per image. */
    public void put(String name, double[] values) {
        if (values.length != ids.length) {
            throw new IllegalArgumentException("column " + name + " has " + values.length + " values for "
                    + ids.length + " images");
        }
        columns.put(name, values.clone());
    }

    /** The column, or null. */
    public double[] get(String name) {
        return columns.get(name);
    }

    /** The columns in order. */
    public Map<String, double[]> columns() {
        return columns;
    }

    public String[] ids() {
        return ids.clone();
    }

    /** Writes {@code id,<column>...} with empty cells for NaN. */
    public void writeCsv(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id");
            for (String c : columns.keySet()) {
                w.write("," + c);
            }
            w.write("\n");
            for (int i = 0; i < ids.length; i++) {
                w.write(ids[i]);
                for (double[] v : columns.values()) {
                    w.write("," + (Double.isNaN(v[i]) ? "" : String.format(Locale.ROOT, "%.6g", v[i])));
                }
                w.write("\n");
            }
        } catch (IOException e) {
            throw new AttndxException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
