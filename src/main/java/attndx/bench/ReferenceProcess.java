package attndx.bench;

import com.fasterxml.jackson.databind.JsonNode;
import attndx.core.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch eager reference as a long-lived child process ({@code bench/torchref_driver.py}, which
 * imports {@code shared/bench/torchref/model.py}): each request times a block of calls and answers
 * with their durations, so the caller can alternate AttnDx and reference blocks. Close it.
 */
final class ReferenceProcess implements AutoCloseable {
    /** Debian's interpreter, which has python3-torch. */
    static final String PYTHON = "/usr/bin/python3";

    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;

    private ReferenceProcess(Process process) {
        this.process = process;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** True when {@code /usr/bin/python3 -c 'import torch'} succeeds. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts the driver with {@code threads} intra-op threads against the reference in {@code torchref}. */
    static ReferenceProcess start(Path driver, Path torchref, int threads) throws IOException {
        if (!Files.isRegularFile(driver) || !Files.isRegularFile(torchref.resolve("model.py"))) {
            throw new IOException("reference benchmark needs " + driver + " and " + torchref.resolve("model.py"));
        }
        ProcessBuilder pb = new ProcessBuilder(PYTHON, driver.toString(), torchref.toString(), Integer.toString(threads))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        // The reference runs as a Python user would run it: without the allocator and threading settings
        // AttnDx's launcher applies to its own process.
        pb.environment().keySet().removeIf(k -> k.equals("LD_PRELOAD") || k.startsWith("MALLOC_")
                || k.startsWith("OMP_") || k.startsWith("GOMP_") || k.startsWith("KMP_"));
        return new ReferenceProcess(pb.start());
    }

    /** The answer to one request line (see the driver's usage). */
    JsonNode request(String line) throws IOException {
        in.write(line);
        in.newLine();
        in.flush();
        String answer = out.readLine();
        if (answer == null) {
            throw new IOException("the PyTorch reference process ended while answering '" + line + "'");
        }
        return Json.mapper().readTree(answer);
    }

    /** Seconds per timed call of one block and the minor page faults of the block. */
    record Block(double[] seconds, long minorFaults) {}

    /** Times one block of {@code reps} calls after {@code warmup} untimed ones. */
    Block time(String kind, String model, int size, int batch, int warmup, int reps) throws IOException {
        JsonNode a = request(String.join(" ", kind, model, Integer.toString(size), Integer.toString(batch),
                Integer.toString(warmup), Integer.toString(reps)));
        JsonNode s = a.get("seconds");
        double[] t = new double[s.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = s.get(i).asDouble();
        }
        return new Block(t, a.get("minor_faults").asLong());
    }

    @Override
    public void close() throws IOException {
        in.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
