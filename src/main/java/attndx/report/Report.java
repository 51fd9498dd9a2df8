package attndx.report;

import attndx.core.AttndxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code attndx report}: reads a finished run folder and writes one self-contained HTML page (inline style, every
 * image a PNG data URI) with a copy of results.json beside it, so that the folder can be handed on as it is.
 */
public final class Report {
    /** The report folder inside a run folder. */
    public static final String DIR = "report";
    /** The page's file name. */
    public static final String FILE = "report.html";

    private Report() {}

    /**
     * What was written.
     *
     * @param html the page
     * @param results the copy of results.json beside it
     * @param warnings what the reader of the page is told first (missing cell files, the run's own warnings)
     * @param seconds time taken
     */
    public record Result(Path html, Path results, List<String> warnings, double seconds) {}

    /** The default page of a run folder: {@code RUN_DIR/report/report.html}. */
    public static Path defaultOut(Path runDir) {
        return runDir.resolve(DIR).resolve(FILE);
    }

    /** Reads {@code runDir} and writes the page to {@code out} (through a temporary file: no half-written page). */
    public static Result write(Path runDir, Path out) {
        long t0 = System.nanoTime();
        ReportData.Run run = RunReader.read(runDir);
        String html = ReportPage.html(run);
        Path dir = out.toAbsolutePath().getParent();
        Path results = dir.resolve(RunReader.RESULTS);
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(out.getFileName() + ".tmp");
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Path source = runDir.resolve(RunReader.RESULTS);
            if (!Files.isSameFile(source.toAbsolutePath().getParent(), dir)) {
                Files.copy(source, results, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new AttndxException("cannot write the report " + out + ": " + e.getMessage(), e);
        }
        return new Result(out, results, run.warnings(), (System.nanoTime() - t0) / 1e9);
    }
}
