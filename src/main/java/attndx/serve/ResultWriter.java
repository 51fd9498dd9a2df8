package attndx.serve;

import attndx.core.AttndxException;
import attndx.core.Json;
import attndx.data.QcFlag;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes study results as JSON lines (one {@link StudyResult} per line, {@code .jsonl}) or CSV (one row per
 * study, a {@code p_CLASS} column per class, QC checks joined by ';'), chosen by the file's extension.
 */
public final class ResultWriter {
    private ResultWriter() {}

    /** Writes {@code results} to {@code file} (.jsonl / .json: JSON lines; .csv: CSV). */
    public static void write(Path file, List<StudyResult> results, List<String> classNames) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (n.endsWith(".csv")) {
                writeCsv(file, results, classNames);
            } else if (n.endsWith(".jsonl") || n.endsWith(".json")) {
                writeJsonLines(file, results);
            } else {
                throw new AttndxException("output " + file + ": expected a .jsonl or .csv file name");
            }
        } catch (IOException e) {
            throw new AttndxException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeJsonLines(Path file, List<StudyResult> results) throws IOException {
        ObjectWriter line = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (StudyResult r : results) {
                w.write(line.writeValueAsString(r));
                w.newLine();
            }
        }
    }

    private static void writeCsv(Path file, List<StudyResult> results, List<String> classNames) throws IOException {
        List<String> header = new ArrayList<>(List.of("id", "source", "label", "confidence"));
        classNames.forEach(c -> header.add("p_" + c));
        header.addAll(List.of("refer", "priority", "expedite", "qc", "shift_score", "shift_flag", "explanation",
                "overlay", "error"));
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(file),
                CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (StudyResult r : results) {
                List<Object> row = new ArrayList<>(List.of(r.id(), r.source(), text(r.label()), text(r.confidence())));
                for (String c : classNames) {
                    row.add(r.probabilities() == null ? "" : text(r.probabilities().get(c)));
                }
                row.addAll(List.of(text(r.refer()), text(r.priority()), text(r.expedite()),
                        r.qc().stream().map(QcFlag::check).collect(Collectors.joining(";")), text(r.shiftScore()),
                        text(r.shiftFlag()), text(r.explanation()), text(r.overlay()), text(r.error())));
                csv.printRecord(row);
            }
        }
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }
}
