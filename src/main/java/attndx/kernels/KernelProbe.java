package attndx.kernels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Tries fast kernels where a crash cannot hurt: in a child JVM ({@link ProbeChild}) on the same class path,
 * engine and environment. A component whose check crashes the child (a native signal, an abort), hangs past
 * the time limit, or disagrees with DJL's operators is refused, with the reason; the remaining components
 * are then tried in a fresh child. Components that need a refused one ({@link KernelComponent#WINOGRAD} and
 * {@link KernelComponent#BF16} need {@link KernelComponent#BLOCKED}) are refused without being run.
 */
public final class KernelProbe {
    /** The note on an admitted component whose check found the plain path it replaces wrong on this machine. */
    static final String REQUIRED = "required: the plain path computed wrong results here";

    /** The system property with the test-only simulation, passed on to the child ({@link ProbeChild#SIMULATE}). */
    private static final String SIMULATE = ProbeChild.SIMULATE;
    private static final String END = "\u0000end";

    private final Duration timeout;

    /**
     * A probe whose child may spend at most {@code timeout} on the engine's start-up and on each component.
     */
    public KernelProbe(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
    }

    /** Probes {@code components} (in their enum order) on this machine. */
    public ProbeVerdict run(List<KernelComponent> components) {
        long t0 = System.nanoTime();
        MachineSignature machine = MachineSignature.current();
        Map<KernelComponent, ComponentVerdict> found = new EnumMap<>(KernelComponent.class);
        List<KernelComponent> todo = new ArrayList<>(components.stream().sorted().distinct().toList());
        while (!todo.isEmpty()) {
            refuseDependents(todo, found);
            if (todo.isEmpty()) {
                break;
            }
            runChild(todo, found);
            todo.removeIf(found::containsKey);
        }
        return new ProbeVerdict(machine, found, Instant.now().toString(), (System.nanoTime() - t0) / 1e9);
    }

    private static void refuseDependents(List<KernelComponent> todo, Map<KernelComponent, ComponentVerdict> found) {
        ComponentVerdict blocked = found.get(KernelComponent.BLOCKED);
        if (blocked != null && !blocked.admitted()) {
            for (KernelComponent c : List.of(KernelComponent.WINOGRAD, KernelComponent.BF16)) {
                if (todo.remove(c)) {
                    found.put(c, ComponentVerdict.refused(c, "needs oneDNN blocked, which was refused"));
                }
            }
        }
    }

    /** One child over {@code todo}; records a verdict for at least the first component it was working on. */
    private void runChild(List<KernelComponent> todo, Map<KernelComponent, ComponentVerdict> found) {
        Path errorFile = null;
        Process child = null;
        try {
            errorFile = Files.createTempFile("attndx-probe-", ".log");
            Path crashLog = errorFile.resolveSibling(errorFile.getFileName() + ".hs_err");
            child = new ProcessBuilder(command(todo, crashLog)).redirectErrorStream(false)
                    .redirectError(errorFile.toFile()).start();
            child.getOutputStream().close();
            ChildEnd end = read(child, found);
            if (end.unanswered() != null) {
                found.put(end.unanswered(), ComponentVerdict.refused(end.unanswered(), death(child, crashLog, errorFile)));
            } else if (!end.hung() && !found.keySet().containsAll(todo)) {
                String why = "the probe's child ended early: " + death(child, crashLog, errorFile);
                todo.stream().filter(c -> !found.containsKey(c)).forEach(c -> found.put(c, ComponentVerdict.refused(c, why)));
            }
            Files.deleteIfExists(crashLog);
        } catch (IOException e) {
            String why = "the probe's child could not start: " + e.getMessage();
            todo.forEach(c -> found.putIfAbsent(c, ComponentVerdict.refused(c, why)));
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
            if (errorFile != null) {
                errorFile.toFile().delete();
            }
        }
    }

    private List<String> command(List<KernelComponent> todo, Path crashLog) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-XX:TieredStopAtLevel=1", "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + crashLog,
                "-Dai.djl.offline=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                "-D" + KernelMode.PROPERTY + "=fast"));
        String simulate = System.getProperty(SIMULATE);
        if (simulate != null) {
            cmd.add("-D" + SIMULATE + "=" + simulate);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ProbeChild.class.getName()));
        todo.forEach(c -> cmd.add(c.id()));
        return cmd;
    }

    /** How a child ended: the component it began and never answered (null if none), or killed for hanging. */
    private record ChildEnd(KernelComponent unanswered, boolean hung) {}

    /**
     * Reads the child's protocol lines into {@code found} until it ends or stalls. A stall kills the child and
     * refuses the component it was on as hung.
     */
    private ChildEnd read(Process child, Map<KernelComponent, ComponentVerdict> found) throws IOException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                }
            } catch (IOException e) {
                // The child died mid-line: what it said before counts.
            }
            lines.add(END);
        }, "attndx-probe-reader");
        reader.setDaemon(true);
        reader.start();
        KernelComponent current = null;
        while (true) {
            String line;
            try {
                line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while probing kernels", e);
            }
            if (line == null) {
                child.destroyForcibly();
                if (current == null) {
                    throw new IOException("the probe's child did not start its checks within " + timeout.toSeconds() + " s");
                }
                found.put(current, ComponentVerdict.refused(current, "hung in the probe (no answer within "
                        + timeout.toSeconds() + " s)"));
                return new ChildEnd(null, true);
            }
            if (line.equals(END)) {
                return new ChildEnd(current, false);
            }
            current = parse(line, current, found);
        }
    }

    private static KernelComponent parse(String line, KernelComponent current, Map<KernelComponent, ComponentVerdict> found) {
        if (!line.startsWith(ProbeChild.PREFIX)) {
            return current;
        }
        String[] f = line.substring(ProbeChild.PREFIX.length()).split(" ", 3);
        KernelComponent c = KernelComponent.byId(f[1]);
        switch (f[0]) {
            case "begin" -> {
                return c;
            }
            case "pass" -> {
                String[] t = f[2].split(" ");
                double plain = Double.parseDouble(t[1]);
                found.put(c, new ComponentVerdict(c, true, plain == Double.POSITIVE_INFINITY ? REQUIRED : "",
                        Double.parseDouble(t[0]), plain));
            }
            default -> found.put(c, ComponentVerdict.refused(c, f.length > 2 ? f[2] : "failed"));
        }
        return null;
    }

    /** Why the child died: the signal and frame from the JVM's crash log, else the exit status and stderr's end. */
    private static String death(Process child, Path crashLog, Path stderr) {
        int status;
        try {
            status = child.waitFor(10, TimeUnit.SECONDS) ? child.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        String signal = CrashLog.summary(crashLog);
        if (!signal.isEmpty()) {
            return "crashed in the probe: " + signal;
        }
        String tail = CrashLog.tail(stderr, 300);
        return "crashed in the probe (exit status " + status + CrashLog.signalName(status) + ")"
                + (tail.isEmpty() ? "" : ": " + tail);
    }
}
